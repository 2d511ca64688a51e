from _mod_star import *
print(a, b)
try:
    print(_c)
except NameError:
    print("NameError")
