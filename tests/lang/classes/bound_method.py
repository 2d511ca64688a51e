class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, n):
        return self.v + n
c = C(5)
m = c.get
print(m(), c.add(1))
a = c.add
print(a(10), a.__self__ is c)
print(C.get(c), C.add(c, 2))
fs = [C(i).get for i in range(3)]
print([f() for f in fs])
print(c.get == c.get, c.get == C(5).get)
