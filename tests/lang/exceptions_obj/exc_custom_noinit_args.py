class E(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b
e = E(1, 2)
print(e.a, e.b, e.args)
class F(ValueError):
    pass
f = F("x", "y")
print(f.args, isinstance(f, ValueError))
