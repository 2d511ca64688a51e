class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError:
    print("TypeError")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError:
    print("TypeError bool")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError:
    print("ValueError len")
