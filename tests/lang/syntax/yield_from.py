def sub():
    yield 1
    yield 2
    return "done"
def g():
    r = yield from sub()
    print("r", r)
    yield from [10, 20]
    yield from range(2)
print(list(g()))
def h():
    x = (yield from sub())
    yield x
print(list(h()))
