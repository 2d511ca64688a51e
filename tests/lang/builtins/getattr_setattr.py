class A:
    x = 1
a = A()
print(getattr(a, "x"), getattr(a, "y", 5))
setattr(a, "y", 10)
print(a.y, getattr(a, "y"))
print(hasattr(a, "x"), hasattr(a, "z"))
delattr(a, "y")
print(hasattr(a, "y"))
try:
    getattr(a, "nope")
except AttributeError:
    print("AttributeError")
try:
    delattr(a, "nope")
except AttributeError:
    print("AttributeError")
try:
    getattr(a, 5)
except TypeError:
    print("TypeError")
print(getattr([], "append") is not None)
print(getattr(1, "real", "no") in (1, "no"))
