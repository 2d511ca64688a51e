# dir() of a class with many names, some also in its base and in an instance: every name once,
# sorted; a big dict and a long list grow past their first tables and keep all entries.
class Base:
    shared = 0
    def method(self):
        pass


class Big(Base):
    shared = 1


for i in range(150):
    setattr(Big, "n%03d" % i, i)
o = Big()
o.n007 = "inst"
o.own = 1
d = [n for n in dir(o) if not n.startswith("__")]
print(len(d), d == sorted(set(d)), d.count("n007"), d.count("shared"), d[:3], d[-3:])
print(len([n for n in dir(Big) if not n.startswith("__")]), "own" in dir(Big), "own" in d)
l = []
for i in range(400):
    l.append(i)
print(len(l), sum(l), l[399])
m = {}
for i in range(400):
    m[str(i)] = i
for i in range(0, 400, 2):
    del m[str(i)]
print(len(m), sum(m.values()), list(m)[:3])
print(classmethod(len), staticmethod(len))
print(sorted(["b", "a", "c"], key=lambda s: s, reverse=True), sorted([3, 1, 2]))
