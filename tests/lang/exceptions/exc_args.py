# MicroPython prints an exception's repr as its type name and its args tuple
e = ValueError(1, 2)
print(e.args, len(e.args))
print(repr(KeyError("x")), str(KeyError("x")))
print(str(ValueError("msg")), repr(ValueError()))
