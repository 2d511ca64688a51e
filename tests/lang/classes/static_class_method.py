class C:
    factor = 3
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def make(cls, v):
        o = cls()
        o.v = v * cls.factor
        return o
class D(C):
    factor = 10
print(C.add(1, 2), C().add(3, 4))
print(C.make(2).v, D.make(2).v, type(D.make(1)).__name__)
print(D().make(5).v)
