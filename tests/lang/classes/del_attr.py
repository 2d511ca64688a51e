class O:
    pass
o = O()
o.a = 1
print(o.a)
del o.a
print(hasattr(o, "a"))
try:
    del o.a
except AttributeError:
    print("AttributeError")
try:
    o.nope
except AttributeError:
    print("AttributeError2")
