try:
    (1).x = 2
except AttributeError:
    print("AttributeError")
try:
    [].append = 5
except AttributeError:
    print("AttributeError")
try:
    int.foo = 1
except (AttributeError, TypeError):
    print("error")
