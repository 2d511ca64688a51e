def f(a, b, /, c, *, d=4):
    return a, b, c, d
print(f(1, 2, 3), f(1, 2, c=3, d=5))
try:
    f(1, b=2, c=3)
except TypeError:
    print("TypeError")
def g(a, /, **kw):
    return a, sorted(kw.items())
print(g(1, a=2))
