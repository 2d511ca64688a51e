print(None, repr(None), str(None), True, False, repr(True), str(False))
print(type(None).__name__, type(True).__name__, type(...).__name__)
print(..., Ellipsis is ..., NotImplemented)
