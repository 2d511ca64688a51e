try:
    print(1, sep=5)
except TypeError:
    print("TypeError")
try:
    print(1, bogus=1)
except TypeError:
    print("TypeError")
