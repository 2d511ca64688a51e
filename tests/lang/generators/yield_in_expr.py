def g():
    x = (yield 1) + (yield 2)
    yield x
it = g()
print(next(it), it.send(10), it.send(20))
