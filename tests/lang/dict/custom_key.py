class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v
d = {}
for i in range(10):
    d[K(i)] = i
print(len(d), d[K(4)], K(11) in d, K(9) in d)
del d[K(3)]
print(len(d), K(3) in d)
