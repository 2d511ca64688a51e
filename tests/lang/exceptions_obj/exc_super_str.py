class E(Exception):
    def __str__(self):
        return "E<" + super().__str__() + ">"
print(str(E("a")), str(E()), str(E(1, 2)))
try:
    raise E("boom")
except E as e:
    print(e)
class P:
    def __repr__(self):
        return "P+" + super().__repr__()[:1]
print(repr(P()))
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
print(repr(L([1, 2])), str(L([3])))
