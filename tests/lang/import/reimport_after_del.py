import sys
import pkg.sub
del sys.modules["pkg.sub"]
import pkg.sub
print(pkg.sub.sub_value)
