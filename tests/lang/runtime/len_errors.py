for v in (1, None, True):
    try:
        len(v)
    except TypeError as e:
        print("TypeError", e)
print(len("abc"), len([1, 2]), len({1: 1}), len(range(5)), len(b"xy"))
