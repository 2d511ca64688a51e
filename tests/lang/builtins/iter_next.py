it = iter([1, 2, 3])
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(next(it, "done"))
print(next(iter(""), 99))
try:
    next([1, 2])
except TypeError:
    print("TypeError")
try:
    iter(5)
except TypeError:
    print("TypeError")
