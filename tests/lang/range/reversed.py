print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
