import sys
try:
    import _mod_syntax
except SyntaxError:
    print("SyntaxError")
print("_mod_syntax" in sys.modules)
