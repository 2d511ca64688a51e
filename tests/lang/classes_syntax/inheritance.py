class A:
    def f(self): return "A.f"
    def g(self): return "A.g"
class B(A):
    def f(self): return "B.f"
class C(A):
    def g(self): return "C.g"
class D(B, C):
    pass
d = D()
print(d.f(), d.g())
print(isinstance(d, A), issubclass(D, C))
