d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d, list(d))
del d[9]
d[9] = 0
print(d)
d[3] = 'x'
print(list(d.keys()), list(d.values()))
for i in range(100):
    d[i + 1000] = i
for i in range(95):
    del d[i + 1000]
print(d)
