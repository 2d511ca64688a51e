print(sorted({1, 2, 3}))
print(sorted({*[1, 2], 3}))
print(sorted({*"ab", *"bc"}))
print(len({1, 1, 1}))
s = {(1, 2), (1, 2)}
print(s)
print(set())
