def f(a, b, c, d, e, f, g, h, i, j):
    return a + b + c + d + e + f + g + h + i + j
print(f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
args = list(range(100))
def g(*a):
    return sum(a)
print(g(*args))
