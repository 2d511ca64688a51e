def g():
    yield 1
    return 42
it = g()
next(it)
try:
    it.send(None)
except StopIteration as e:
    print("value", e.args)
def outer():
    r = yield from g()
    print("got", r)
    yield r + 1
print(list(outer()))
