def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    def get():
        return c
    return inc, get
inc, get = counter()
inc(); inc(); inc()
print(get())
inc2, get2 = counter()
print(inc2(), get())
