import _mod_a
_mod_a.added = 5
print(_mod_a.added)
del _mod_a.added
print(hasattr(_mod_a, "added"))
try:
    _mod_a.missing
except AttributeError:
    print("AttributeError")
print("value" in dir(_mod_a), "get" in dir(_mod_a))
