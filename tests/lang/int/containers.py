l = [2**70, -5, 3, -(2**65), 0, 2**62, 2**62 - 1, True]
print(sorted(l), min(l), max(l), sum(l))
print(sorted(l, reverse=True))
print(2**70 in l, 2**71 in l, l.index(2**62), l.count(3))
t = tuple(x * 2 for x in l)
print(t)
print(sorted([(2**65, 'a'), (2**64, 'b'), (-(2**64), 'c')]))
