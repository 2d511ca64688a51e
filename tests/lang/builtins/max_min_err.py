for f in (max, min):
    try:
        f([])
    except ValueError:
        print("ValueError")
    try:
        f(1)
    except TypeError:
        print("TypeError")
    try:
        f(1, "a")
    except TypeError:
        print("TypeError")
