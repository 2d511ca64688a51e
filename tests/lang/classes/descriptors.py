class Typed:
    def __init__(self, name):
        self.name = name
    def __get__(self, obj, objtype):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, 0)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("int required")
        obj.__dict__["_" + self.name] = value
class Const:
    def __get__(self, obj, objtype):
        return 42
class P:
    x = Typed("x")
    c = Const()
p = P()
print(p.x, p.c)
p.x = 5
print(p.x, p._x)
try:
    p.x = "a"
except TypeError as e:
    print("TypeError", e)
print(p.x)
