from sys import argv, path, modules, platform, exit
print(type(argv).__name__, type(modules).__name__, callable(exit))
import sys
print(sys.argv is argv, sys.path is path, sys.modules is modules)
