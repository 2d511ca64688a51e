try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as v:
    print(type(v.__cause__).__name__, v)
e = ValueError()
print(e.__cause__)
