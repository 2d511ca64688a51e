# A user replacement of builtins.__import__ or builtins.__build_class__ is what import and class use.
import builtins
orig_import = builtins.__import__
orig_build = builtins.__build_class__

def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    print('import', name, fromlist, level)
    return orig_import(name, globals, locals, fromlist, level)

builtins.__import__ = my_import
import sys
from sys import path as sys_path
builtins.__import__ = orig_import
import struct

def my_build(func, name, *bases):
    print('building', name, len(bases))
    return orig_build(func, name, *bases)
builtins.__build_class__ = my_build
class K:
    pass
class L(K):
    pass
builtins.__build_class__ = orig_build
class M:
    pass
print(K.__name__, L.__name__, M.__name__, type(sys_path).__name__)
print('done')
