class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b", True):
    raise ValueError
print("after suppress")
try:
    with CM("c"):
        raise KeyError
except KeyError:
    print("propagated")
with CM("d") as d, CM("e") as e:
    print(d, e)
def f():
    with CM("f"):
        return "ret"
print(f())
for i in range(2):
    with CM(i):
        if i == 0:
            continue
        break
