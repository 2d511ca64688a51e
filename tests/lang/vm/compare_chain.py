def f(x):
    print("f", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(f(1) < f(2) < f(3))
print(f(3) < f(2) < f(1))
x = 5
print(0 <= x < 10, 0 <= x < 3, x == 5 != 6)
print(None is not None, 'a' in 'abc', 3 not in [1, 2])
