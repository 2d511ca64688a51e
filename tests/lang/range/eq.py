print(range(5) == range(5), range(5) == range(0, 5, 1), range(0) == range(2, 1), range(1, 2) == range(1, 3, 5))
print(range(0, 10, 2) == range(0, 9, 2), range(3) != range(4), range(3) == [0, 1, 2])
print(hash(range(3)) == hash(range(0, 3)))
