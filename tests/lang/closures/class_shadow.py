def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
        y = x
    return C().m(), C.y
print(f())
def g():
    a = 1
    def h():
        del a
    return h
try:
    g()()
except NameError:
    print("NameError")
