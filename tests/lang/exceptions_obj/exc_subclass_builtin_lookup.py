class MyKey(KeyError):
    pass
try:
    raise MyKey("k")
except LookupError as e:
    print(type(e).__name__, e.args, isinstance(e, KeyError))
