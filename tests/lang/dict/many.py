# test-options: -X heapsize=2m
d = {}
for i in range(2000):
    d[i] = i * 2
print(len(d), d[0], d[1999], sum(d.values()))
for i in range(0, 2000, 2):
    del d[i]
print(len(d), d[1], d[1999], list(d)[:5])
for i in range(0, 2000, 2):
    d[i] = -i
print(len(d), list(d)[-3:])
s = {}
for i in range(500):
    s['k' + str(i)] = i
print(len(s), s['k0'], s['k499'], 'k500' in s)
for i in range(500):
    del s['k' + str(i)]
print(s, len(s))
