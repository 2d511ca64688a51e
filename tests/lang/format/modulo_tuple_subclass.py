# % formatting takes a tuple subclass (namedtuple, os.uname(), class T(tuple)) as the argument
# tuple, and %d/%i/%u take an object with __int__.
from collections import namedtuple
import os
P = namedtuple('P', 'x y')
class T(tuple):
    pass
print('%d,%d' % P(1, 2), '%s-%s' % T(('a', 'b')), '%r' % (P(3, 4),))
u = os.uname()
print(('%s ' * len(u)) % u == ''.join(str(v) + ' ' for v in u))
class I:
    def __int__(self):
        return 42
print('%d %i %u' % (I(), I(), I()))
try:
    '%d' % object()
except TypeError:
    print('TypeError')
