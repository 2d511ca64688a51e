# collections: deque (maxlen, both ends, iteration), namedtuple (fields, _replace, _asdict,
# tuple behaviour), OrderedDict (order kept).
from collections import deque, namedtuple, OrderedDict

d = deque((), 3)
for i in range(5):
    d.append(i)
print(list(d), len(d), d.maxlen)
d.appendleft(9)
print(list(d), d.pop(), d.popleft(), list(d))
d = deque([1, 2, 3], 10)
d.extend([4, 5])
d.extendleft([0, -1])
print(list(d), d[0], d[-1], 3 in d, 7 in d, bool(deque((), 1)))
d.clear()
print(len(d))
try:
    d.pop()
except IndexError:
    print("IndexError pop")
try:
    deque((), 1).popleft()
except IndexError:
    print("IndexError popleft")
q = deque([], 2)
q.append(1); q.append(2); q.appendleft(0)
print(list(q))

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, list(p), p._fields)
q = p._replace(y=5)
print(q, p)
print(sorted(q._asdict().items()))
P3 = namedtuple("P3", ["a", "b", "c"])
print(P3(1, c=3, b=2), P3(a=1, b=2, c=3).count(2), P3(1, 2, 3).index(3))
P4 = namedtuple("P4", "a, b")
print(P4(b=1, a=0))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: namedtuple("Bad", "a a"), lambda: namedtuple("Bad", "1a")]:
    try:
        bad()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

o = OrderedDict()
o["z"] = 1
o["a"] = 2
o["m"] = 3
print(list(o.keys()), list(o.values()), o["a"], len(o))
del o["a"]
o["a"] = 4
print(list(o.items()))
