# from x import * where sys.modules holds a class, an instance or something without __dict__
import sys


class M:
    x = "class x"
    _hidden = "no"

    def __init__(self):
        self.x = "instance x"
        self.z = "instance z"


sys.modules["fake_mod"] = M
from fake_mod import *
print(x, "_hidden" in globals())

sys.modules["fake_mod"] = M()
from fake_mod import *
print(x, z)


class A:
    __all__ = ("b",)
    a = "A.a"
    b = "A.b"


sys.modules["fake_mod"] = A
a = None
from fake_mod import *
print(a, b)

sys.modules["fake_mod"] = 1
try:
    from fake_mod import *
    print("no error")
except (AttributeError, ImportError) as e:
    print("error", type(e).__name__ in ("AttributeError", "ImportError"))
