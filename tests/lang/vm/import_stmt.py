import sys
import sys as s2
from sys import path
print(s2 is sys, path is sys.path)
import micropython
from micropython import const as C
print(C(3))
try:
    import does_not_exist_module
except ImportError:
    print("ImportError")
