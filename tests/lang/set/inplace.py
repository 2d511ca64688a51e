a = {1, 2, 3}
c = a
a |= {4}
print(sorted(a), c is a)
a &= {1, 2, 4, 9}
print(sorted(a))
a -= {1}
print(sorted(a))
a ^= {2, 7}
print(sorted(a), c is a)
a.update([10], (11,))
print(sorted(a))
a.intersection_update([4, 7, 10, 11, 99])
print(sorted(a))
a.difference_update([4], [7])
print(sorted(a))
a.symmetric_difference_update([10, 12])
print(sorted(a))
a -= a
print(a)
