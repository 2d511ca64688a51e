def f(a, b):
    pass
def g(a, *, k):
    pass
def h(a, *, k, j=1):
    pass
def d(a, b, c=1):
    pass
def test(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print("TypeError:", e.args[0])
test(f, 1, 2, 3)
test(f, 1)
test(f)
test(f, 1, 2, c=3)
test(f, 1, a=2)
test(g, 1)
test(g, 1, j=2)
test(h, 1, j=2)
test(h, 1)
test(d, 1)
test(d, b=1)
test(d, 1, 2, 3, 4)
