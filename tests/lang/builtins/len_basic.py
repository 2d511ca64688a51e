print(len(""), len("abc"), len([1, 2]), len((1,)), len({}), len({1: 2}))
print(len(range(10)), len(b"xyz"), len(bytearray(4)), len({1, 2, 3}))
print(len("\u20ac\u20ac"))
class L:
    def __len__(self):
        return 5
print(len(L()))
for bad in (5, None, len):
    try:
        len(bad)
    except TypeError:
        print("TypeError")
