if (n := 10) > 5:
    print(n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * 2) > 4])
i = 0
while (i := i + 1) < 4:
    print(i)
print((z := 5), z)
def f():
    if (a := 3):
        return a
print(f())
print([(w := k) for k in range(3)], w)
print(data[(j := 1)], j)
