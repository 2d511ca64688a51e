import sys
print(sys.platform, sys.byteorder, sys.implementation.name)
print(type(sys.argv).__name__, type(sys.path).__name__, type(sys.modules).__name__)
print(sys.version_info[0], sys.version[0])
print(sys.maxsize > 2**30)
print(hasattr(sys.stdout, "write"), hasattr(sys.stdin, "readline"))
print(sys.implementation.version[0] >= 1)
