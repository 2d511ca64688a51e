class D(dict):
    def get2(self, k):
        return self.get(k, "none")
d = D()
d["a"] = 1
print(d["a"], d.get2("a"), d.get2("b"), len(d), "a" in d)
print(sorted(d.keys()))
class DefaultD(dict):
    def __missing__(self, k):
        return 0
