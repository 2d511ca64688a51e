def foo(): pass
print(foo.__name__)
print(callable(foo), type(foo).__name__)
f = lambda: 0
print(f.__name__)
