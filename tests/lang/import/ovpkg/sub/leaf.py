from .. import value as top
from . import value as sub

print("leaf", top, sub)
