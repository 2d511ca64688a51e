def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,)))
print(f(**{"a": 1}, b=2))
print(f(1, *range(3), x=1, **{"y": 2}))
print(f(*"ab"))
print(f(*(i for i in range(3))))
def g(a, b, c=0):
    return a + b + c
print(g(*(1, 2)), g(1, **{"b": 2, "c": 3}))
