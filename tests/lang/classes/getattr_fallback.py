class G:
    real = 1
    def __init__(self):
        self.inst = 2
    def __getattr__(self, name):
        if name.startswith("x"):
            return "virtual " + name
        raise AttributeError(name)
g = G()
print(g.real, g.inst, g.xyz, g.x1)
try:
    g.other
except AttributeError:
    print("AttributeError")
print(getattr(g, "xq", None), getattr(g, "nope", "dflt"), hasattr(g, "xa"), hasattr(g, "b"))
