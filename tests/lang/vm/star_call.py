def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), 4))
print(f(**{'a': 1}, **{'b': 2}))
print(f(1, *[2], x=3, **{'y': 4}))
def g(a, b, c):
    return a + b * 10 + c * 100
print(g(*[1, 2, 3]), g(1, *[2, 3]), g(**{'a': 1, 'b': 2, 'c': 3}))
try:
    f(**{'a': 1}, a=2)
except TypeError:
    print("TypeError")
