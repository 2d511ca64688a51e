import sys
try:
    import _mod_bad
except ValueError as e:
    print("ValueError", e)
print("_mod_bad" in sys.modules)
try:
    import _mod_bad
except ValueError as e:
    print("ValueError again", e)
