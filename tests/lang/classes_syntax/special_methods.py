class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __repr__(self): return "V(%d)" % self.x
    def __len__(self): return self.x
    def __getitem__(self, i): return i * self.x
    def __call__(self, a): return a + self.x
    def __contains__(self, v): return v == self.x
    def __bool__(self): return self.x != 0
print(V(1) + V(2), V(1) == V(1), V(1) < V(2), len(V(3)), V(2)[5], V(1)(10), 3 in V(3))
print(bool(V(0)), not V(1))
v = V(1)
v += V(5)
print(v)
