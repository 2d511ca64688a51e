l = []
ap = l.append
ap(1)
ap(2)
print(l)
d = {"a": 1}
g = d.get
print(g("a"), g("b", 3))
up = "abc".upper
print(up())
print(callable(ap))
