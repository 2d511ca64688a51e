def f():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("re-raised", e.args)
try:
    try:
        raise KeyError(1)
    except KeyError as e:
        raise e
except KeyError as e:
    print("again", e.args)
