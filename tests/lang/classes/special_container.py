class Box:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
b = Box()
b["a"] = 1
b[2] = "two"
print(b["a"], b[2], len(b), "a" in b, "z" in b, "z" not in b)
del b["a"]
print(len(b), "a" in b)
try:
    b["missing"]
except KeyError as e:
    print("KeyError", e)
