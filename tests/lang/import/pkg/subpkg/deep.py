print("loading pkg.subpkg.deep")
deep_value = "deep"
from .. import other
from ..other import other_value as ov
up = (other.other_value, ov)
def name():
    return __name__
