# A list changed by Python code run while a slice assignment works out its value (the value's
# __iter__): a RuntimeError (CPython recomputes the slice against the new length), never a stale
# slice. A step slice store, or a bytearray store from a non-buffer, is refused before any Python
# code runs (MicroPython's limits): the target is left unchanged.
class Shrink:
    def __init__(self, target):
        self.target = target

    def __len__(self):
        return 3

    def __iter__(self):
        del self.target[:]
        return iter([7, 8, 9])


for make in (lambda: list(range(10)), lambda: bytearray(range(10))):
    for op in ("store", "store_step"):
        t = make()
        try:
            if op == "store":
                t[2:8] = Shrink(t)
            else:
                t[1:7:2] = Shrink(t)
            print(op, list(t))
        except RuntimeError as e:  # NotImplementedError is a RuntimeError
            print(op, type(e).__name__, e, list(t))


# keys whose __hash__ changes their dict while it rebuilds its index (only this port hashes
# stored keys again): the dict stays usable
class Meddle:
    armed = False

    def __init__(self, v, d):
        self.v, self.d = v, d

    def __hash__(self):
        if Meddle.armed:
            Meddle.armed = False
            self.d[100] = 100
        return self.v

    def __eq__(self, o):
        return isinstance(o, Meddle) and o.v == self.v


d = {}
keys = [Meddle(i, d) for i in range(40)]
for i, k in enumerate(keys):
    if i == 20:
        Meddle.armed = True
    d[k] = i
print(len(d), all(d[k] == i for i, k in enumerate(keys)), d[100])
