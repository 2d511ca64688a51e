print(isinstance(1, (str, int)), isinstance(1, (str, list)), isinstance([], (list,)))
print(isinstance(1, ((str,), int)) if False else True)
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError")
print(issubclass(bool, (str, int)))
