class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, V) and o.v == self.v
    def __hash__(self):
        return hash(self.v)
l = [V(1), V(2), V(3)]
print(V(2) in l, l.index(V(3)), l.count(V(1)))
l.remove(V(2))
print(len(l), V(2) in l)
print((V(1), V(2)) == (V(1), V(2)), [V(1)] == [V(2)])
d = {V(1): "a"}
print(d[V(1)], V(1) in d, V(5) in d)
