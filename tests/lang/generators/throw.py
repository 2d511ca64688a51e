def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e.args)
        yield 99
    yield 100
it = g()
print(next(it))
print(it.throw(ValueError("x")))
print(next(it))
def h():
    yield 1
it = h()
next(it)
try:
    it.throw(KeyError("k"))
except KeyError:
    print("KeyError propagated")
