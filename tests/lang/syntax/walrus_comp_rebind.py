# A := in a comprehension may not rebind that comprehension's own loop variable.
def test(code):
    try:
        print(eval(code))
    except SyntaxError:
        print('SyntaxError')
test("[i := i + 1 for i in range(4)]")
test("[i := -1 for i, j in [(1, 2)]]")
test("[[(i := j) for i in range(2)] for j in range(2)]")
test("[k := i for i in range(3)]")
test("[(y := i) + y for i in range(3)]")
test("{i: (n := i) for i in range(2)}")
test("[j for i in range(2) if (j := i)]")
print(k, y)
