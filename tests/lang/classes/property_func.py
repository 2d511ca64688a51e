class P:
    def __init__(self):
        self._v = 1
    def get_v(self):
        return self._v * 2
    def set_v(self, v):
        self._v = v
    v = property(get_v, set_v)
p = P()
print(p.v)
p.v = 21
print(p.v)
print(type(P.v).__name__)
