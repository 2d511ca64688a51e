class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
class C(A):
    pass
print(A(), repr(A()), str(A()))
print(B(), repr(B()), str(B()), [B()])
print(C(), "%s %r" % (B(), B()))
print("{} {!r}".format(B(), B()))
print(f"{B()} {B()!r}")
