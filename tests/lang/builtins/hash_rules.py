# A __hash__ returning a bool works; dict keys/items views are unhashable, values views hash by
# identity; slices are unhashable, as in MicroPython (CPython hashes them from 3.12), so they are
# no dict keys; OrderedDict takes them (tests/lang/dict/ordereddict_by_equality.py).
class B:
    def __hash__(self):
        return True
class F:
    def __hash__(self):
        return False
b = B()
print(hash(b), hash(F()), {b: 1}[b])
d = {1: 2}
for view in (d.keys(), d.items()):
    try:
        hash(view)
        print('hashable')
    except TypeError:
        print('TypeError')
print(type(hash(d.values())).__name__)
s1, s2 = slice(1, 5), slice(1, 5)
print(s1 == s2, s1 != slice(1, 6))
for key in (s1, slice(None), slice([], 1)):
    try:
        hash(key)
        print('hashable')
    except TypeError as e:
        print('TypeError', e)
try:
    {}[:] = {}
except TypeError as e:
    print('TypeError', e)
try:
    {1: 2}[s1]
except TypeError as e:
    print('TypeError', e)
