# A __hash__ returning a bool works; dict keys/items views are unhashable, values views hash by
# identity; slices hash (Python 3.12) consistently with ==.
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
print(hash(s1) == hash(s2), s1 == s2, {s1: 'x'}[s2], hash(slice(None)) == hash(slice(None, None, None)))
try:
    hash(slice([], 1))
except TypeError:
    print('TypeError for an unhashable bound')
