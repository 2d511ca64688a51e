try:
    import no_such_module_xyz
except ImportError:
    print("ImportError")
try:
    from _mod_a import no_such_name
except ImportError:
    print("ImportError")
try:
    import pkg.no_such_sub
except ImportError:
    print("ImportError")
