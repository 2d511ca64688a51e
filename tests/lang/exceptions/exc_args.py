e = ValueError(1, 2)
print(e.args, len(e.args))
print(repr(KeyError("x")), str(KeyError("x")))
print(str(ValueError("msg")), repr(ValueError()))
