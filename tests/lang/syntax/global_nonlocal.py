g = 0
def setg():
    global g
    g = 5
setg()
print(g)
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
    inner()
    inner()
    return v
print(outer())
def multi():
    global a1, a2
    a1, a2 = 1, 2
multi()
print(a1, a2)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
