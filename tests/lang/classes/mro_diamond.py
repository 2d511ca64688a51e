class A:
    x = "A"
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    x = "C"
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
d = D()
print(d.x, d.who())
print([k.__name__ for k in D.__mro__])
print(isinstance(d, C), issubclass(D, A))
