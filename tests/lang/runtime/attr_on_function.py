def f():
    pass
print(f.__name__)
print(len.__name__ if hasattr(len, "__name__") else "len")
