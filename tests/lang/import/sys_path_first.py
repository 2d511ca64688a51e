import sys
print(type(sys.path[0]).__name__)
print(len(sys.path) >= 1)
