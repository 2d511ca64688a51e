import _mod_star, _mod_all as ma
print(_mod_star.a, ma.x)
from _mod_star import (a,
    b)
print(a + b)
