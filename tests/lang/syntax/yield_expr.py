def g():
    x = yield 1
    print("got", x)
    y = yield
    print("got", y)
    yield x, y
it = g()
print(next(it))
print(it.send("a"))
print(it.send("b"))
def h():
    yield 1, 2
    yield (yield 3)
i = h()
print(next(i), next(i), i.send(9))
def k():
    yield 5
print(list(k()))
def m():
    x = yield
    yield x
m1 = m()
next(m1)
print(m1.send(7))
