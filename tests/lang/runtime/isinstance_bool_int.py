print(isinstance(True, int), isinstance(1, bool), type(True) == bool, type(1) == int)
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object))
