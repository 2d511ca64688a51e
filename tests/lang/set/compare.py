a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, a == {2, 1}, a != b, b < a)
print(a.issubset(b), a.issubset([1, 2]), b.issuperset(a), b.issuperset([4]), a.isdisjoint({3}), a.isdisjoint([2]))
print({1} == frozenset({1}), frozenset({1, 2}) <= {1, 2, 3})
print({1} == [1], set() == set())
