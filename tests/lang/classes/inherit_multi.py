class A:
    def who(self):
        return "A"
    def only_a(self):
        return "only_a"
class B:
    def who(self):
        return "B"
    def only_b(self):
        return "only_b"
class C(A, B):
    pass
class D(B, A):
    pass
c = C()
d = D()
print(c.who(), d.who(), c.only_a(), c.only_b(), d.only_a())
print(isinstance(c, A), isinstance(c, B), issubclass(D, A))
