for f in (1, "s", None):
    try:
        f()
    except TypeError as e:
        print(e)
