import sys
import _mod_a
print("_mod_a" in sys.modules, sys.modules["_mod_a"] is _mod_a)
import _mod_a
m1 = sys.modules["_mod_a"]
del sys.modules["_mod_a"]
import _mod_a
print(_mod_a is m1)
