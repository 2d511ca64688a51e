for a, b in ((1, "a"), ([], 1), (None, None), ((), [])):
    try:
        print(a < b)
    except TypeError:
        print("TypeError")
