class O:
    pass
o = O()
o.x = 1
delattr(o, "x")
try:
    delattr(o, "x")
except AttributeError:
    print("AttributeError")
try:
    del [].append
except AttributeError:
    print("AttributeError2")
