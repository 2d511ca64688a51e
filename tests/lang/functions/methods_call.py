class A:
    def m(self, x, y=1):
        return x + y
    def n(self, *a, **k):
        return a, sorted(k.items())
a = A()
print(a.m(1), a.m(1, 2), a.m(x=3, y=4), A.m(a, 5))
bm = a.m
print(bm(10))
print(a.n(1, 2, k=3))
l = []
l.append(1); l.extend([2, 3])
print(l, "a,b".split(","))
