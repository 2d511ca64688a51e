# test-options: -X heapsize=2m
s = set()
for i in range(3000):
    s.add(i * 7 % 1000)
print(len(s), min(s), max(s))
for i in range(500):
    s.discard(i)
print(len(s), sorted(s)[:5])
t = set(str(i) for i in range(100))
print(len(t), '42' in t, '100' in t)
