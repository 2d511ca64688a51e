from .. import mod_a
from ..mod_b import B
value = (mod_a.A, B)
