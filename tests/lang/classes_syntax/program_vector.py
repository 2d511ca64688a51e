class Vector:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        return Vector(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return Vector(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __iter__(self):
        return iter(self.c)
    def __eq__(self, o):
        return isinstance(o, Vector) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __repr__(self):
        return "Vector%r" % (self.c,)
    @property
    def norm1(self):
        return sum(abs(x) for x in self)
    @classmethod
    def zero(cls, n):
        return cls(*([0] * n))
    @staticmethod
    def dot(a, b):
        return sum(x * y for x, y in zip(a, b))
v = Vector(1, -2, 3)
w = Vector(4, 5, 6)
print(v + w, v * 2, 3 * v, v.norm1, Vector.zero(2), Vector.dot(v, w))
print(v == Vector(1, -2, 3), v != w, len({v, Vector(1, -2, 3)}))
x, y, z = v
print(x, y, z)
class Account:
    def __init__(self, balance=0):
        self._balance = balance
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative")
        self._balance = v
a = Account(10)
a.balance += 5
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print("ValueError", e)
class Base:
    registry = []
    def __init_subclass_like__(cls):
        pass
    def __init__(self):
        Base.registry.append(type(self).__name__)
class A(Base): pass
class B(A):
    def __init__(self):
        super().__init__()
        self.extra = True
A(); B(); B()
print(Base.registry)
def gen_pipeline(data):
    evens = (d for d in data if d % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)
print(gen_pipeline(range(10)))
def coroutine():
    total = 0
    count = 0
    while True:
        value = yield (total // count if count else None)
        total += value
        count += 1
c = coroutine()
next(c)
for val in (10, 20, 30):
    avg = c.send(val)
print(avg)
class Ctx:
    depth = 0
    def __enter__(self):
        Ctx.depth += 1
        return Ctx.depth
    def __exit__(self, *exc):
        Ctx.depth -= 1
with Ctx() as d1:
    with Ctx() as d2:
        print(d1, d2, Ctx.depth)
print(Ctx.depth)
print(sorted([Vector(3), Vector(1), Vector(2)], key=lambda v: v.c))
