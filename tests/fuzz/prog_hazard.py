# tests/fuzz/prog_hazard.py: a program generator run inside wipy (`make fuzz-progs`): container
# operations (dict, list, set, tuple, bytearray, deque...) whose callbacks (__eq__, __hash__, __lt__,
# key=, __iter__, __index__, __len__) change the container being worked on. Invariant: C code never
# reads a stale item or table after Python code ran; only Python exceptions come back.
# Deterministic per SEED. Usage: wipy prog_hazard.py SEED COUNT
import sys, array, collections, io, json, struct, re, gc

SEED = int(sys.argv[1])
COUNT = int(sys.argv[2])
_s = [SEED * 7919 + 17]


def rnd(n):
    _s[0] = (_s[0] * 1103515245 + 12345) & 0x7FFFFFFF
    return (_s[0] >> 4) % n


TARGET = [None]


def mutate():
    t = TARGET[0]
    k = rnd(10)
    try:
        if len(t) > 300 and k >= 3:
            k = 0
    except Exception:
        pass
    try:
        if isinstance(t, list):
            if k < 3:
                t.clear()
            elif k < 6:
                t.extend(range(rnd(50)))
            elif k < 8:
                del t[: rnd(5)]
            else:
                t.append(t)
        elif isinstance(t, dict):
            if k < 3:
                t.clear()
            elif k < 7:
                for i in range(rnd(40)):
                    t[i * 7 + 1000] = i
            else:
                t.popitem()
        elif isinstance(t, (set,)):
            if k < 4:
                t.clear()
            else:
                t.update(range(rnd(40)))
        elif isinstance(t, bytearray):
            if k < 4:
                t[:] = b""
            else:
                t.extend(b"z" * rnd(100))
        elif isinstance(t, array.array):
            if k < 4:
                del t[:]
            else:
                t.extend([1] * rnd(100))
        elif isinstance(t, collections.deque):
            if k < 4:
                while t:
                    t.pop()
            else:
                t.append(1)
    except Exception:
        pass
    if rnd(20) == 0:
        gc.collect()


class Evil:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        mutate()
        return rnd(2) == 0

    def __lt__(self, o):
        mutate()
        return rnd(2) == 0

    def __gt__(self, o):
        mutate()
        return rnd(2) == 0

    def __hash__(self):
        mutate()
        return self.v % 5

    def __index__(self):
        mutate()
        return rnd(20) - 10

    def __int__(self):
        mutate()
        return rnd(300)

    def __len__(self):
        mutate()
        return rnd(10)

    def __iter__(self):
        mutate()
        return iter([Evil(1), Evil(2)][: rnd(3)])

    def __repr__(self):
        mutate()
        return "E"

    def __str__(self):
        mutate()
        return "e"

    def __getitem__(self, i):
        mutate()
        if rnd(4) == 0:
            raise IndexError
        return rnd(256)

    def __bool__(self):
        mutate()
        return rnd(2) == 0


def key(x):
    mutate()
    return rnd(5)


def make():
    k = rnd(7)
    items = [Evil(i) if rnd(3) else rnd(256) for i in range(rnd(12))]
    if k == 0:
        return items
    if k == 1:
        d = {}
        for i, x in enumerate(items):
            try:
                d[x] = i
            except Exception:
                pass
        return d
    if k == 2:
        s = set()
        for x in items:
            try:
                s.add(x)
            except Exception:
                pass
        return s
    if k == 3:
        return bytearray(rnd(256) for _ in range(rnd(20)))
    if k == 4:
        return array.array("i", range(rnd(20)))
    if k == 5:
        return collections.deque(items, 20)
    return items


OPS = [
    lambda t: t.sort(),
    lambda t: t.sort(key=key),
    lambda t: sorted(t, key=key, reverse=True),
    lambda t: t.index(Evil(3)),
    lambda t: t.count(Evil(3)),
    lambda t: t.remove(Evil(3)),
    lambda t: Evil(3) in t,
    lambda t: t == [Evil(1), Evil(2)],
    lambda t: t < [Evil(1)],
    lambda t: [x for x in t],
    lambda t: list(t),
    lambda t: tuple(t),
    lambda t: repr(t),
    lambda t: str(t),
    lambda t: t.extend(Evil(0)),
    lambda t: t.__setitem__(slice(1, 3), Evil(0)),
    lambda t: t[Evil(0)],
    lambda t: t.insert(Evil(0), 5),
    lambda t: t.pop(Evil(0)),
    lambda t: t.get(Evil(3)),
    lambda t: t.setdefault(Evil(3), 1),
    lambda t: t.update({Evil(4): 1}),
    lambda t: t.pop(Evil(4), None),
    lambda t: {Evil(1): 1} == t,
    lambda t: t.discard(Evil(2)),
    lambda t: t | {Evil(2)},
    lambda t: t.issubset([Evil(2)]),
    lambda t: max(t, key=key),
    lambda t: min(t),
    lambda t: sum(x if isinstance(x, int) else 0 for x in t),
    lambda t: list(zip(t, t)),
    lambda t: list(enumerate(t)),
    lambda t: list(map(key, t)),
    lambda t: list(filter(key, t)),
    lambda t: list(reversed(t)),
    lambda t: [x for x in t.items()] if isinstance(t, dict) else None,
    lambda t: [x for x in t.keys()] if isinstance(t, dict) else None,
    lambda t: json.dumps(t),
    lambda t: "%s %r" % (t, Evil(1)),
    lambda t: "{} {!r}".format(t, Evil(1)),
    lambda t: t * Evil(0),
    lambda t: t + t,
    lambda t: t.__iadd__([Evil(1)]),
    lambda t: bytes(Evil(0)),
    lambda t: bytearray(Evil(0)),
    lambda t: array.array("b", Evil(0)),
    lambda t: struct.pack("<bh", Evil(0), Evil(0)),
    lambda t: t.join([Evil(0)]),
    lambda t: ",".join(Evil(0)),
    lambda t: t.rotate(Evil(0)),
    lambda t: range(Evil(0), Evil(0))[Evil(0)],
    lambda t: divmod(Evil(0), 3),
    lambda t: t.copy(),
    lambda t: set(t) - {Evil(1)},
    lambda t: dict.fromkeys(t),
    lambda t: t.__contains__(Evil(9)),
    lambda t: hash(tuple(t)),
    lambda t: frozenset(t),
    lambda t: t.find(Evil(0)),
    lambda t: memoryview(t)[Evil(0)],
    lambda t: bytes(t),
    lambda t: bytearray(t),
    lambda t: array.array("i", t),
    lambda t: array.array("O", t),
    lambda t: struct.pack("3i", *t),
    lambda t: t.extend(t),
    lambda t: t.__iadd__(t),
    lambda t: dict(t) if isinstance(t, dict) else dict((x, x) for x in t),
    lambda t: {**t} if isinstance(t, dict) else None,
    lambda t: [k for k in t],
    lambda t: t.update(t) if hasattr(t, "update") else None,
    lambda t: t.index(Evil(1)) if hasattr(t, "index") else None,
    lambda t: bytes(t).join([t, t]) if isinstance(t, bytearray) else None,
    lambda t: t.sort(key=lambda x: Evil(1)),
    lambda t: t.sort(reverse=True),
    lambda t: sorted(t, reverse=True),
    lambda t: list(t) == list(t),
    lambda t: t[:] if hasattr(t, "__getitem__") else None,
    lambda t: any(t),
    lambda t: all(t),
    lambda t: " ".join(str(x) for x in t),
    lambda t: t.symmetric_difference_update([Evil(1)]),
    lambda t: t.intersection([Evil(2), Evil(3)]),
    lambda t: t - {Evil(1)},
    lambda t: t == {Evil(1), Evil(2)},
    lambda t: t.difference_update({Evil(1)}),
    lambda t: t.popitem(),
    lambda t: t.pop(),
    lambda t: t.fromkeys(t),
    lambda t: collections.OrderedDict(t if isinstance(t, dict) else {}),
    lambda t: t.__delitem__(Evil(1)),
    lambda t: t.__setitem__(Evil(1), Evil(2)),
    lambda t: t.copy() == t,
    lambda t: tuple(t) < (Evil(1), Evil(2)),
    lambda t: hash(frozenset(t)),
    lambda t: t.extend([Evil(1), Evil(2)]),
    lambda t: t.insert(1, Evil(3)),
    lambda t: t.__contains__(t),
    lambda t: json.dumps(list(t)),
]

n = 0
while n < COUNT:
    n += 1
    t = make()
    TARGET[0] = t
    op = OPS[rnd(len(OPS))]
    try:
        op(t)
    except Exception:
        pass
print("done", n)
