class L:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, L) else o)
    def __gt__(self, o):
        return self.v > (o.v if isinstance(o, L) else o)
a = L(5)
print(a < 6, a > 6)
print(6 > a, 6 < a, 3 < a)
