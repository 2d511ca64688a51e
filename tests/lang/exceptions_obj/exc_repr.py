print(repr(ValueError("x")), repr(ValueError()), repr(KeyError(1, 2)))
class E(Exception):
    pass
print(repr(E("a")))
