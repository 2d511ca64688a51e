print(sum([1, 2, 3], start=100))
print(sum(iter([5, 6])))
