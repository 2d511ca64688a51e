print(hash(0), hash(1), hash(-5), hash(True), hash(False))
print(hash("abc") == hash("abc"), hash((1, 2)) == hash((1, 2)))
print(hash(2**70) == hash(2**70))
print(type(hash("x")).__name__)
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError:
        print("TypeError")
class H:
    def __hash__(self):
        return 77
print(hash(H()))
o = object()
print(hash(o) == hash(o))
