def g():
    yield 1
try:
    g().send(5)
except TypeError as e:
    print("TypeError:", e)
def h():
    yield it.send(None)
it = h()
try:
    next(it)
except ValueError as e:
    print("ValueError:", e)
def k():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = k()
next(x)
try:
    x.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def s():
    yield 1
    raise StopIteration(5)
try:
    list(s())
except RuntimeError as e:
    print("RuntimeError:", e)
