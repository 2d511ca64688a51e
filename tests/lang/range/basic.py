print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(5, 2)))
print(range(5), range(1, 5), range(0, 10, 2), range(3, -3, -1))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 0)), len(range(-5, 5)))
print(bool(range(0)), bool(range(1)))
