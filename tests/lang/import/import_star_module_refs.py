from sys import *
print(type(argv).__name__, type(path).__name__, type(modules).__name__)
