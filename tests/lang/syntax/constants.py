print(None, True, False, ...)
print(Ellipsis is ..., type(...).__name__)
x = ...
print(x)
print(True + True, False * 3)
print(not None, None == None)
