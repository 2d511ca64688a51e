try:
    raise ValueError("bad")
except ValueError as e:
    print("caught", e.args)
try:
    {}["x"]
except (TypeError, KeyError) as e:
    print("tuple caught", type(e).__name__)
try:
    [][1]
except LookupError:
    print("base class caught")
try:
    try:
        1 // 0
    except KeyError:
        print("wrong")
except ZeroDivisionError:
    print("outer")
