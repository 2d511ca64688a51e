x = "global"
def f():
    x = "enclosing"
    def g():
        global x
        return x
    def h():
        return x
    return g(), h()
print(f())
