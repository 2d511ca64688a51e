def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest, **kw):
    return a, rest, sorted(kw.items())
print(g(1), g(1, 2, k=3, j=4))
def h(**kw):
    return sorted(kw.items())
print(h(), h(z=1, a=2))
