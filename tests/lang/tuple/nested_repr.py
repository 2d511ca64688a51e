print(((1,), [2, (3,)], {'a': (4,)}))
print(repr(('x', "y'z")))
