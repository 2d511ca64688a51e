# MicroPython's rule, followed: once a class has a subclass, a member that would change how
# attributes of its instances are set (a property, a descriptor, __setattr__, __delattr__) can't be
# added to it; anything else can. A class that already had such a member takes more.
def attempt(label, cls, name, value):
    try:
        setattr(cls, name, value)
        print(label, "added")
    except AttributeError as e:
        print(label, "AttributeError:", e)


class Desc:
    def __get__(self, obj, owner):
        return "desc"


class DataDesc:
    def __get__(self, obj, owner):
        return "data"

    def __set__(self, obj, value):
        print("DataDesc.__set__", value)


class A:
    pass


class B(A):
    pass


attempt("property", A, "p", property(lambda self: 1))
attempt("descriptor", A, "d", Desc())
attempt("data descriptor", A, "dd", DataDesc())
attempt("__setattr__", A, "__setattr__", lambda self, k, v: None)
attempt("__delattr__", A, "__delattr__", lambda self, k: None)
attempt("function", A, "f", lambda self: "f")
attempt("classmethod", A, "c", classmethod(lambda cls: cls.__name__))
attempt("staticmethod", A, "s", staticmethod(lambda: "s"))
attempt("value", A, "v", 42)
attempt("property on the subclass", B, "p", property(lambda self: "B.p"))
b = B()
print(b.f(), b.c(), b.s(), b.v, b.p)
print(hasattr(A, "p"), hasattr(A, "d"), "__setattr__" in A.__dict__)


# before any subclass exists, a property can be added, and subclasses made later honour it
class C:
    pass


C.p = property(lambda self: self._p, lambda self, v: setattr(self, "_p", v * 2))


class D(C):
    pass


d = D()
d.p = 5
print(d.p, d._p)


# a class that has a property already may take another after it was subclassed, and a subclass's
# instances use the new one's setter
class E:
    q = property(lambda self: "q")


class F(E):
    pass


E.r = property(lambda self: self._r, lambda self, v: setattr(self, "_r", v + 1))
f = F()
f.r = 1
print(f.r, f.q)
try:
    f.q = 0
except AttributeError:
    print("AttributeError: q is read-only")


# deleting a member is always allowed
class G:
    x = property(lambda self: 1)


class H(G):
    pass


del G.x
print(hasattr(H(), "x"))

# super() with no arguments in a def without parameters has no self: a SyntaxError when compiled
for src in ["def f():\n    super()\n", "class K:\n    def f():\n        return super().f()\n",
            "def f(a):\n    def g():\n        super()\n"]:
    try:
        exec(src)
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e)
# any parameter is a self for it
for src in ["def f(*a):\n    super()\n", "def f(**k):\n    super()\n", "def f(*, a):\n    super()\n",
            "f = lambda: super()\n", "def f():\n    super(int, 1)\n"]:
    exec(src)
    print("compiled")

