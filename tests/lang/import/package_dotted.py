import pkg.subpkg.deep
print(pkg.subpkg.deep.deep_value, pkg.subpkg.deep.name())
print(pkg.pkg_value)
import pkg.subpkg.deep as d
print(d.deep_value, d is pkg.subpkg.deep)
