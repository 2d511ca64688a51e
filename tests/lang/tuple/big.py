# test-options: -X heapsize=2m
t = tuple(range(1000))
print(len(t), t[999], sum(t), t[-1000])
t2 = t * 3
print(len(t2), t2[1000], t2.count(7))
