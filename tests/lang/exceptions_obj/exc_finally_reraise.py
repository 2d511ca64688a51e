def f():
    try:
        raise KeyError("x")
    finally:
        print("cleanup")
try:
    f()
except KeyError as e:
    print("got", e)
