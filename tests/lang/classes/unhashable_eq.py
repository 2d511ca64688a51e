class E:
    def __eq__(self, o):
        return True
try:
    hash(E())
    print("hashable")
except TypeError:
    print("TypeError")
class P:
    pass
p = P()
print(hash(p) == hash(p))
d = {p: 1}
print(d[p])
