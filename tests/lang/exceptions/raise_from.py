try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(type(e.__cause__).__name__, e.args)
try:
    raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__)
