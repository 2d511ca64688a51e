from _mod_all import *
print(x, _y)
try:
    print(z)
except NameError:
    print("NameError")
