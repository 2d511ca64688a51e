from . import sub
from .sub import sub_value
from .other import other_value
from .subpkg import deep
from .subpkg.deep import deep_value
rel_result = (sub.sub_value, sub_value, other_value, deep.deep_value, deep_value)
