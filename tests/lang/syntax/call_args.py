def f(*a, **k):
    return a, sorted(k.items())
print(f())
print(f(1, 2))
print(f(*[1, 2], 3))
print(f(*[1], *(2, 3)))
print(f(x=1, **{'y': 2}))
print(f(**{'a': 1}, **{'b': 2}))
print(f(1, x=2, **{'y': 3}))
print(f(x for x in range(3)) if False else f(*(x for x in range(3))))
print(f(
    1,
    2,
))
print(f(a=1,))
