print("circ.b start")
from . import a
print("circ.b sees a_first", a.a_first, "has a_last", hasattr(a, "a_last"))
b_value = "b"
