try:
    import no_such_module_xyz
except ImportError as e:
    print(e)
try:
    import pkg.nope
except ImportError as e:
    print(e)
