r = range(2 ** 40, 2 ** 40 + 10, 3)
print(list(r), len(r), r[1], 2 ** 40 + 3 in r)
print(range(-2 ** 40, 0, 2 ** 39))
print(list(range(-2 ** 40, 0, 2 ** 39)))
