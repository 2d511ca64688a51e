for v in (1, None, True):
    try:
        iter(v)
    except TypeError:
        print("TypeError", type(v).__name__)
    try:
        for x in v:
            pass
    except TypeError:
        print("TypeError for")
try:
    next([1])
except TypeError:
    print("TypeError next")
