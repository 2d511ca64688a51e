try:
    from . import _mod_a
except ImportError:
    print("ImportError")
