class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def send(self, v):
        print("send", v)
        return self.__next__()
    def throw(self, e):
        print("throw", type(e).__name__)
        raise StopIteration(77)
    def close(self):
        print("close called")
def d():
    r = yield from It()
    print("r", r)
    yield "after"
g = d()
print(next(g), g.send(5))
print(g.throw(ValueError("x")))
print(list(g))
g2 = d()
next(g2)
g2.close()
def inner():
    x = yield 1
    print("inner got", x)
    x = yield 2
    print("inner got", x)
    return "done"
def outer():
    v = yield from inner()
    print("outer v", v)
o = outer()
print(next(o), o.send("a"))
try:
    o.send("b")
except StopIteration as e:
    print("stop", e.args)
def gen_exc():
    try:
        yield 1
    except ValueError:
        print("caught in gen")
    yield 2
def deleg():
    yield from gen_exc()
dg = deleg()
next(dg)
print(dg.throw(ValueError))
def closing():
    try:
        yield 1
    finally:
        print("closing finally")
def dd():
    yield from closing()
x = dd(); next(x); x.close(); print("closed ok")
def genreturn():
    yield 1
    return 2
def w():
    a = yield from genreturn()
    b = yield from genreturn()
    return a + b
def ww():
    r = yield from w()
    yield r
print(list(ww()))
