# A key whose __hash__ clears its dict while the dict grows and builds its hash index: the store
# that made it grow still lands, in the emptied dict (the wipy hashes keys again when it builds the
# index; CPython keeps their hashes, so this is the wipy's own behaviour).
class K:
    armed = False
    calls = 0

    def __init__(self, d):
        self.d = d

    def __hash__(self):
        K.calls += 1
        if K.armed:
            K.armed = False
            self.d.clear()
        return 1

    def __eq__(self, other):
        return self is other


for n in (4, 8, 9, 16, 40):
    d = {}
    k = K(d)
    d[k] = "k"
    K.armed = True
    for i in range(n):
        d[i] = i
    cleared = not K.armed
    K.armed = False
    ints = sorted(x for x in d if x is not k)
    print(n, cleared, k in d, len(d), ints[:1], ints[-1:], all(d[x] == x for x in ints))
    d[k] = "again"
    print(d[k], len(d))
