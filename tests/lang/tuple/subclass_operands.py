# tuple + and comparisons work with tuple subclasses on either side.
from collections import namedtuple
class My(tuple):
    pass
N = namedtuple('N', 'a b')
class MyN(N):
    pass
vals = [(1, 2), My((3, 4)), N(5, 6), MyN(7, 8)]
for a in vals:
    print([a + b for b in vals])
    print([a < b for b in vals], [a == b for b in vals])
print(My((1,)) + (), () + My((1,)), type(My((1,)) + My((2,))).__name__)
