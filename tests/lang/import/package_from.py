from pkg import sub
print(sub.sub_value)
from pkg.subpkg.deep import deep_value, up
print(deep_value, up)
from pkg import other, subpkg
print(other.other_value, subpkg.__name__)
