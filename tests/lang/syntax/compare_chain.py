x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 1 <= 1, 1 < 2 < 3 < 4 < 5)
print(x == 5 != 4, x == 5 == 4)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(3))
print(f(1) < f(2) < f(3))
print(0 == 0 < 1 != 2 >= 2 <= 2 > 1)
