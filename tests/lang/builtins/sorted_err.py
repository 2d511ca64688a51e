try:
    sorted([1, "a"])
except TypeError:
    print("TypeError")
try:
    sorted(5)
except TypeError:
    print("TypeError")
try:
    sorted([1], [2])
except TypeError:
    print("TypeError")
