for v in (1, "s", None, [1]):
    try:
        raise v
    except TypeError as e:
        print("TypeError", e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError", e)
