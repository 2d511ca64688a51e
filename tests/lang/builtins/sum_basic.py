print(sum([]), sum([1, 2, 3]), sum(range(101)))
print(sum([1, 2], 10), sum((x * x for x in range(5)), 0))
print(sum([2**62, 2**62, 2**62]))
print(sum([[1], [2], [3]], []))
print(sum([(1,), (2,)], ()))
try:
    sum([1, "a"])
except TypeError:
    print("TypeError")
try:
    sum(5)
except TypeError:
    print("TypeError")
