print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 5)
print(1 or 2 and 0, (1 or 2) and 0)
print(not 0 and 1, not (0 and 1))
def f(v):
    print("f", v)
    return v
print(f(0) and f(1))
print(f(1) or f(2))
print(f(0) or f(0) or f(3))
