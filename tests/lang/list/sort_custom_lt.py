class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return 'K(%d)' % self.v
l = [K(3), K(1), K(2)]
l.sort()
print(l)
print(sorted(l, reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1]]))
