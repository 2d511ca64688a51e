class A:
    x = 1
    def m(self):
        return self.x
class B(A):
    x = 2
class C(B,):
    pass
class D(object):
    pass
class E(): pass
print(A().m(), B().m(), C().m(), D.__name__, E.__name__)
class F(A, D):
    "doc"
    y: int = 5
print(F.y, F().m())
bases = (A,)
class G(*bases):
    pass
print(G.x)
