# A namedtuple with no fields works (it once crashed writing to the shared empty tuple).
from collections import namedtuple
E = namedtuple('E', [])
e = E()
print(e, len(e), e == (), tuple(e), type(e) is E, type(()) is tuple)
print(E()._replace(), type(E()._replace()) is E)
try:
    E(1)
except TypeError:
    print('TypeError')
P = namedtuple('P', 'x y')
print(P(1, 2), P(y=2, x=1))
for a, k in [((1,), {}), ((1, 2, 3), {}), ((1,), {'x': 1}), ((), {'z': 1})]:
    try:
        P(*a, **k)
    except TypeError:
        print('TypeError', a, k)
print((), type(()))
