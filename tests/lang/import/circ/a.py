print("circ.a start")
a_first = 1
from . import b
print("circ.a sees b.b_value", b.b_value)
a_last = 2
