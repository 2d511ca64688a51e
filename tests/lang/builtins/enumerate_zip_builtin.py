print(list(enumerate("ab")), list(enumerate("ab", 5)))
print(list(zip([1, 2], "ab")), list(zip()))
print(list(map(abs, [-1, 2])), list(filter(None, [0, 1, 2])))
print(list(reversed([1, 2, 3])), list(range(3)))
