for obj, name in ((1, "foo"), ("s", "bar"), ([], "baz"), (None, "x")):
    try:
        getattr(obj, name)
    except AttributeError as e:
        print("AttributeError", e)
try:
    int.nope
except AttributeError as e:
    print("AttributeError", e)
