def f():
    try:
        raise KeyError("a")
    except KeyError:
        print("handling")
        raise
try:
    f()
except KeyError as e:
    print("outer", e.args)
