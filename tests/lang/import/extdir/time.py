# helper of builtin_extensible.py: extends the built-in time by emptying sys.path for the while
print("time from a file")
import sys

_path = sys.path
sys.path = ()
from time import *

sys.path = _path
del _path
extra = 2
