import pkg
print(hasattr(pkg, "pkg_value"))
import pkg.other
print(pkg.other.other_value)
from pkg import other as o
print(o is pkg.other)
