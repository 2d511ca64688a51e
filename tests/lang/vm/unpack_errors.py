try:
    a, b = [1, 2, 3]
except ValueError:
    print("ValueError")
try:
    a, b, c = (1, 2)
except ValueError:
    print("ValueError")
try:
    a, *b, c = [1]
except ValueError:
    print("ValueError")
try:
    a, b = 5
except TypeError:
    print("TypeError")
try:
    a, b = iter([1, 2, 3])
except ValueError:
    print("ValueError")
