# OrderedDict finds its keys by == alone, as MicroPython's does: unhashable keys (slices, lists)
# work in it, at any size. It stays unhashable itself; copy() and | give an OrderedDict. (Slices
# compare by value here, as in CPython; MicroPython's compare by identity.)
from collections import OrderedDict

x = OrderedDict()
x[:"a"] = 1
x["b"] = 2
x[[1, 2]] = 3
print(list(x.keys()), list(x.values()))
print(x[:"a"], x[slice(None, "a")], x[[1, 2]], [1, 2] in x, [1] in x, slice(1) in x)
x[:"a"] = 10  # replaces, keeps the position
print(x)
del x[[1, 2]]
print(x)
print(x.pop(slice(None, "a")), x)
try:
    x[[9]]
except KeyError as e:
    print('KeyError', e.args)

# many entries (well past the size where a dict builds its hash index), in order, found by ==
big = OrderedDict()
for i in range(40):
    big[[i]] = i * i
    big[i] = -i
print(len(big), big[[17]], big[17], big[[39]], [40] in big)
for i in range(0, 40, 2):
    del big[[i]]
print(len(big), list(big.values())[:6], big.get([3]), big.get([4], 'gone'))

# made from pairs and keywords, with unhashable keys among them
o = OrderedDict([([1], 'l'), (slice(2), 's')], k='w')
print(o, o[[1]], o['k'])
c = o.copy()
print(type(c).__name__, c == o, c is o, type(o | {'z': 0}).__name__, o | {'z': 0})
c[[1]] = 'changed'
print(o[[1]], c[[1]])

# order matters between OrderedDicts, not against a plain dict
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})

try:
    hash(o)
except TypeError as e:
    print('TypeError', e)
try:
    {o: 1}
except TypeError as e:
    print('TypeError', e)
# a plain dict made from it needs hashable keys
try:
    dict(o)
except TypeError as e:
    print('TypeError', e)
