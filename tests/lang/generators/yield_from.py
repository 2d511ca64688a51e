def inner():
    yield 1
    yield 2
def outer():
    yield 0
    yield from inner()
    yield from [3, 4]
    yield from range(5, 7)
print(list(outer()))
def echo():
    while True:
        x = yield
        if x is None:
            return "end"
        print("echo", x)
def deleg():
    r = yield from echo()
    yield r
d = deleg()
next(d)
d.send(1)
d.send(2)
print(d.send(None))
