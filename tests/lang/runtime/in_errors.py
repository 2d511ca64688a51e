try:
    1 in 5
except TypeError:
    print("TypeError")
try:
    1 in None
except TypeError:
    print("TypeError")
