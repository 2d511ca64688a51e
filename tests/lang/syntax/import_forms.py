import sys
import sys as s2
print(s2 is sys)
from sys import path
from sys import path as p2, argv
from sys import (path as p3,
                 argv as a3,)
print(p2 is path, a3 is argv, p3 is path)
import synpkg
import synpkg.mod_a
import synpkg.mod_a as ma
print(synpkg.mod_a.A, ma.A)
from synpkg import mod_b
print(mod_b.B)
from synpkg.mod_a import *
print(A)
