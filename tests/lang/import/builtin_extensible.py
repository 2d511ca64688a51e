# A module file on sys.path replaces an extensible built-in (os, time, json, ...) but never sys
# or micropython; `u<name>` and an empty sys.path always give the built-in; sys.path can be
# assigned a new list or tuple (also what import reads), sys.modules can't be replaced.
import sys

saved = sys.path
sys.path = [__file__.rpartition("/")[0] + "/extdir" if "/" in __file__ else "extdir"]
import micropython, sys as sys2, usys

print(micropython, sys2 is sys, usys is sys, hasattr(micropython, "__file__"))
import os

print(os.__name__, hasattr(os, "__file__"), os.extra, os.sep, callable(os.listdir))
import time

print(time.__name__, time.extra, time.sleep, time.ticks_diff(5, 3))
import json  # extdir/json is a folder without __init__.py: the built-in wins

print(json.dumps([1]))
import uos, utime

print(uos, utime, hasattr(uos, "extra"), hasattr(utime, "extra"))
print(sys.modules["os"] is os, "uos" in sys.modules)
sys.path = ()
import os as os2

print(os2 is uos, os2 is os)
sys.path = saved
print(sys.path is saved, type(sys.path).__name__)
try:
    sys.modules = {}
except AttributeError as e:
    print("AttributeError")
try:
    sys.path = 5
except AttributeError:
    print("AttributeError")
print(sys.path is saved)
