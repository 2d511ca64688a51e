print(locals() is globals())
class C:
    a = 1
    names = sorted(k for k in locals().keys() if not k.startswith("__"))
print(C.names)
