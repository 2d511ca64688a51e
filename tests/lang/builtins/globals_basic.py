g = globals()
print(type(g).__name__, g["__name__"])
xyz = 5
print(globals()["xyz"])
globals()["new_name"] = 7
print(new_name)
def f():
    return globals() is g
print(f())
