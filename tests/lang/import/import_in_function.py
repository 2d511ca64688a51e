def f():
    import _mod_star
    return _mod_star.a
print(f())
print("_mod_star" in globals())
def g():
    from _mod_star import b
    return b
print(g())
