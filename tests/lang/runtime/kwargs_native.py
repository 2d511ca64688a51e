try:
    len([1], x=1)
except TypeError:
    print("TypeError")
print(sorted([3, 1, 2], reverse=True), sorted([3, 1, 2], key=lambda x: -x))
