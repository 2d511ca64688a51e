m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
g = [[]] * 2
g[0].append(1)
print(g)
print(sum([[1], [2, 3]], []))
