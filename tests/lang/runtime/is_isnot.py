a = [1]
b = [1]
print(a is a, a is b, a is not b, None is None, 1 is not None)
x = None
print(x is None, x is not None)
print(True is True, False is not True)
