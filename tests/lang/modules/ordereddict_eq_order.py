# OrderedDict equality respects order between OrderedDicts, not against a plain dict.
from collections import OrderedDict
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
c = OrderedDict([('x', 1), ('y', 2)])
print(a == b, a == c, a != b, a == dict(b), dict(b) == a)
del c['x']
c['x'] = 1
print(a == c, c == b)
print(OrderedDict() == OrderedDict(), OrderedDict(a=1) == OrderedDict(a=2))
