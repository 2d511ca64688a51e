def deco(f):
    def w(self, *a):
        return ("wrapped", f(self, *a))
    return w
class A:
    factor = 3
    @deco
    def m(self, x):
        return x * self.factor
    def make(self):
        def inner(v):
            return v + self.factor
        return inner
print(A().m(2), A().make()(1))
