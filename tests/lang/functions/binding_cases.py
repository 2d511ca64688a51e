def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(c=1, a=2))
print(f(1, b=9, c=0, d=1, z=2))
def g(a, b, /, c=3, **kw):
    return a, b, c, sorted(kw.items())
print(g(1, 2, a=5, b=6))
print(g(1, 2, c=7))
def h(*, a):
    return a
print(h(a=1))
def cases(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError:
        print("TypeError")
cases(f, 1)
cases(f, c=1)
cases(g, 1, b=2)
cases(h, 1)
cases(h)
cases(f, 1, 2, a=1, c=3)
cases(lambda: 0, 1)
cases(lambda x: x)
cases(lambda *, x: x, x=2)
def defaults_mut(a, b=[]):
    b.append(a)
    return b
print(defaults_mut(1), defaults_mut(2))
def many_defaults(a=1, b=2, c=3, d=4):
    return a + b * 10 + c * 100 + d * 1000
print(many_defaults(), many_defaults(5), many_defaults(d=0), many_defaults(1, 1, c=1))
