s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 5 in s, 5 not in s)
print(set(), frozenset(), {1}, frozenset({7}))
print(sorted(set([1, 2, 2, 3, 3])), sorted(set('hello')), sorted(set(range(4))))
print(bool(set()), bool({0}))
e = set()
e.add(5)
print(e)
