# A tuple (or namedtuple) slice with a step other than 1 is NotImplementedError, as in MicroPython.
from collections import namedtuple
P = namedtuple("P", "a b c")
for t in (tuple(range(10)), (), P(1, 2, 3)):
    for c in ("t[::2]", "t[::-1]", "t[8:2:-3]", "t[5:2:2]"):
        try:
            print(c, repr(eval(c)))
        except Exception as e:
            print(c, type(e).__name__, e)
