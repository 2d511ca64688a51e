f = lambda: 42
g = lambda x, y=2: x * y
h = lambda *a, **k: (a, sorted(k))
print(f(), g(3), g(3, 4), h(1, 2, z=1))
print(sorted([3, 1, 2], key=lambda v: -v))
print((lambda x: lambda y: x + y)(1)(2))
