print(locals() is globals())
class C:
    a = 1
    names = sorted(k for k in locals().keys() if not k.startswith("__"))
    g = globals() is not locals()
print(C.names, C.g)
def f():
    return globals() is g0
g0 = globals()
print(f())
def gen():
    yield globals() is g0
print(list(gen()))
try:
    exec("raise ValueError")
except ValueError:
    print(globals() is g0)
