import sys
try:
    import badpkg
except RuntimeError as e:
    print("RuntimeError", e)
print("badpkg" in sys.modules)
