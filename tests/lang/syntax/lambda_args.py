f = lambda: 1
print(f())
f = lambda a, b=2: a + b
print(f(1), f(1, 5), f(b=3, a=1))
f = lambda *a, **k: (a, sorted(k.items()))
print(f(1, 2, x=3))
f = lambda a, *, b: a - b
print(f(5, b=2))
f = lambda a, /, b: a * b
print(f(3, 4), f(3, b=4))
f = lambda x: lambda y: x + y
print(f(1)(2))
print((lambda: (yield))().__class__.__name__ if False else "skip")
print(sorted([3, 1, 2], key=lambda v: -v))
