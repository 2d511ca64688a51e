a = {1, 2}
b = a.copy()
b.add(3)
print(sorted(a), sorted(b))
a.clear()
print(a, len(a))
