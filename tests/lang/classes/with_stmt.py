class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t is not None)
        return self.swallow
with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", True):
    raise ValueError("x")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError:
    print("caught")
