class A:
    x = 1
    def m(self): pass
a = A()
a.y = 2
d = dir(a)
print("x" in d, "m" in d, "y" in d)
print("x" in dir(A), "y" in dir(A))
import sys
print("argv" in dir(sys), "path" in dir(sys))
print("append" in dir([]), "keys" in dir({}))
print(dir(a) == sorted(dir(a)))
