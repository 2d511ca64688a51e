a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([9], (10,), range(2))), sorted(a.intersection([1, 2], {2, 3})), sorted(a.difference([1], [2])))
print(sorted(a), sorted(b))
try:
    a | [1]
except TypeError:
    print('TypeError')
