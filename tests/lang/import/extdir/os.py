# helper of builtin_extensible.py: a file that extends the built-in os (u-prefix: the built-in)
print("os from a file")
from uos import *

extra = 1
