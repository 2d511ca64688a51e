try:
    [1, 2][5]
except IndexError:
    print("IndexError")
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError", e.args)
try:
    (1,)[-3]
except LookupError as e:
    print("LookupError", type(e).__name__)
