l = [1, 2, 3]
print(l, len(l), bool(l), bool([]))
print([], [1], [[1, 2], [3]])
print(list(), list((1, 2)), list(range(4)), list("abc"))
print(l[0], l[-1], l[2], l[-3])
l[1] = 20
print(l)
l[-1] = 30
print(l)
print(repr(['a', "b'c", None, True]))
