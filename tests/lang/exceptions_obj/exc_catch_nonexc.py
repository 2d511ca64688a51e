try:
    try:
        raise ValueError
    except 5:
        print("no")
except TypeError:
    print("TypeError")
