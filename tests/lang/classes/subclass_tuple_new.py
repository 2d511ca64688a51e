class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, 2)
print(p[0], p[1], len(p), tuple(p.swap()), isinstance(p, tuple))
