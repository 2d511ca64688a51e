def f(a, b, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, sorted(kw.items())
print(f(1, 2, d=4))
print(f(1, 2, 33, 44, 55, d=4, e=6, z=9, y=8))
def g(a, b=2, /, c=3):
    return a, b, c
print(g(1), g(1, 5), g(1, c=7))
def h(*, a, b=1):
    return a, b
print(h(a=0))
def k(a, b,):
    return a + b
print(k(1, 2,))
def m(*args,):
    return args
print(m(), m(1))
def n(**kw,):
    return len(kw)
print(n(), n(x=1))
def ann(a: int, b: "str" = "x", *c: list, d: int = 0, **e: dict) -> None:
    return a, b
print(ann(1))
