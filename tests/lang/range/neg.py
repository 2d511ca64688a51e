print(list(range(-5, 5, 2)), list(range(-1, -10, -3)), range(-3)[:], len(range(-3)))
print(list(range(0, -5, -1)), list(range(5)[::-2]))
