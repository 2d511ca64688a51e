f = frozenset([1, 2, 3])
print(sorted(f), len(f), 2 in f)
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {frozenset([1]): 'a'}
print(d[frozenset([1])])
s = {frozenset([1, 2]), frozenset([2, 1])}
print(len(s))
g = f
g |= {4}
print(sorted(f), sorted(g), g is f)
print(frozenset(f) is f)
try:
    f.add(1)
except AttributeError:
    print('AttributeError')
try:
    hash({1})
except TypeError:
    print('TypeError')
print(sorted(f.copy()), f.issubset({1, 2, 3, 4}))
