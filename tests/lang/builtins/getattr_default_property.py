class P:
    @property
    def missing(self):
        raise AttributeError("nope")
    @property
    def broken(self):
        raise KeyError("k")
p = P()
print(getattr(p, "missing", "default"))
try:
    getattr(p, "broken", "default")
except KeyError:
    print("KeyError")
