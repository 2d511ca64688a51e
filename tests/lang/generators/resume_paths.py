# gen_resume's paths: the common one (suspended, nothing thrown or pending) and each other one
# reached from the same generator between plain resumes.
def g():
    try:
        while True:
            x = yield 1
            print("got", x)
    except ValueError as e:
        print("caught", e)
        yield 2
    yield 3


it = g()
print(next(it), it.send("a"), next(it))
print(it.throw(ValueError("v")), next(it))
try:
    next(it)
except StopIteration:
    print("done")
print(next(it, "again"))


def outer():
    r = yield from inner()
    print("inner returned", r)
    yield "outer"


def inner():
    v = yield "i1"
    v = yield "i2:" + str(v)
    return v


o = outer()
print(next(o), o.send(5), o.send(6), next(o, "end"))


def me():
    yield gen.send(None)


gen = me()
try:
    next(gen)
except ValueError as e:
    print("ValueError", e)
