class O:
    a = 1
print(getattr(O, "a"), getattr(O(), "a"), getattr(O(), "b", 9))
o = O()
setattr(o, "b", 2)
print(o.b, hasattr(o, "b"), hasattr(o, "c"))
delattr(o, "b")
print(hasattr(o, "b"))
print(getattr([], "append") is not None, getattr(1, "real", "no") in (1, "no"))
