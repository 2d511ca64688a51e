def f(**kw):
    return list(kw.keys())
print(f(b=1, a=2, c=3))
def g(a, b, c):
    return a, b, c
print(g(c=3, b=2, a=1))
