def g():
    yield it.send(None)
it = g()
try:
    next(it)
except ValueError as e:
    print("ValueError", e.args[0])
