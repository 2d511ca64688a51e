# `from m import *` where m.__all__ holds something that is not a str: a TypeError, not a crash.
import sys


class M:
    __name__ = "m_all_bad"
    __all__ = ["a", 1]
    a = 5


sys.modules["m_all_bad"] = M()
try:
    from m_all_bad import *
except TypeError:
    print("TypeError")


class M2:
    __name__ = "m_all_bad2"
    __all__ = (b"a",)
    a = 6


sys.modules["m_all_bad2"] = M2()
try:
    from m_all_bad2 import *
except TypeError:
    print("TypeError")
