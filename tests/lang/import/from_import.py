from _mod_a import value, get
print(value, get())
from _mod_a import value as v2, get as g2
print(v2, g2())
