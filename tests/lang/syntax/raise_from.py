try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("x") from e
except ValueError as e:
    print(type(e.__cause__).__name__)
try:
    raise TypeError
except TypeError as e:
    print("class raised", type(e).__name__)
try:
    raise TypeError("m") from None
except TypeError as e:
    print(e, e.__cause__)
def r():
    try:
        raise KeyError(2)
    except KeyError:
        raise
try:
    r()
except KeyError as e:
    print("reraised", e)
