d = {1: [2]}
c = d.copy()
c[3] = 4
c[1].append(5)
print(d, c)
d.clear()
print(d, len(d))
d[7] = 8
print(d)
