# test-options: -X heapsize=2m
l = []
for i in range(10000):
    l.append(i)
print(len(l), l[9999], sum(l))
while len(l) > 5:
    l.pop()
print(l)
l = [0] * 1000
l[500] = 1
print(l.index(1), l.count(0))
