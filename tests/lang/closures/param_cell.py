def f(a, b=2, *args, **kw):
    def g():
        return a, b, args, sorted(kw.items())
    return g
print(f(1)(), f(1, 3, 4, z=5)())
class C:
    def m(self, v):
        return lambda: (self.x, v)
c = C(); c.x = 7
print(c.m(8)())
