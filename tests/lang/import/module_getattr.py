# A module's own __getattr__(name) is asked for the names it lacks (PEP 562), also for __all__ by
# `from m import *`; an AttributeError from it means "no such name" (or no __all__).
import _mod_lazy

print(_mod_lazy.lazy_x, _mod_lazy.plain, hasattr(_mod_lazy, "other"), getattr(_mod_lazy, "nope", 7))
from _mod_lazy import lazy_y

print(lazy_y)
from _mod_lazy import *

print(lazy_a, plain)
try:
    _mod_lazy.missing
except AttributeError as e:
    print("AttributeError", e)
