# dict.popitem takes the FIRST item in iteration order, as MicroPython's dict does (CPython's takes
# the last); OrderedDict.popitem takes the last, as in both. Draining a big dict stays linear.
import collections
d = {}
for i in range(10):
    d[i] = str(i)
out = []
while d:
    out.append(d.popitem())
print(out)
d[1] = 1
print(d)
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
print(d.popitem(), d)
class D(dict):
    pass
sub = D(x=1, y=2)
print(sub.popitem(), sub)
o = collections.OrderedDict([(1, 2), (3, 4), (5, 6)])
print(o.popitem(), o.popitem(), o)
for e in ({}, D(), collections.OrderedDict()):
    try:
        e.popitem()
    except KeyError as ex:
        print("KeyError", ex)
big = {}
for i in range(1000):
    big[i] = i
n = 0
while big:
    k, v = big.popitem()
    assert k == v == n
    n += 1
print(n, len(big))
