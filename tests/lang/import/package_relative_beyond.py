try:
    import pkg.rel_bad
except ImportError:
    print("ImportError")
except ValueError:
    print("ImportError")
