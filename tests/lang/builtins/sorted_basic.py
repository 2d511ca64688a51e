print(sorted([3, 1, 2]), sorted([]), sorted("cba"))
print(sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted({3: 1, 1: 2}))
print(sorted((x % 5 for x in range(10))))
data = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(data, key=lambda t: t[0]))
l = [5, 4]
s = sorted(l)
print(l, s, s is l)
