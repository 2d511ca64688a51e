from . import mod_a
from .mod_b import B
from . import pkg as p
result = (mod_a.A, B, p)
