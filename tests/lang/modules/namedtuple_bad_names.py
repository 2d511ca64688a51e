# A namedtuple's type name and field names must be strings: anything else is an error (here a
# TypeError, as in MicroPython; CPython converts with str() and then finds no identifier), never
# a crash; keyword names are always strings.
from collections import namedtuple

for name, fields in ((1, "a b"), (None, ()), (b"N", "a"), ("N", [1]), ("N", ["a", None]),
                     ("N", [b"a"]), ("N", (x for x in (2, 3)))):
    try:
        namedtuple(name, fields)
        print("made")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
T = namedtuple("T", ["a", "b"])
print(T(b=1, a=2), T(1, 2)._replace(b=3))
