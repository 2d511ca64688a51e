import pkg
print(pkg.pkg_value, pkg.__name__)
import pkg.sub
print(pkg.sub.sub_value, pkg.sub.where())
