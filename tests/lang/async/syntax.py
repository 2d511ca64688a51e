# async def, await, async for and async with driven by hand (send/throw), as CPython runs them


class Awaitable:
    # a plain awaitable: __await__ returns an iterator
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            got = yield "tick %d" % i
            print("awaitable got", got)
        return self.n * 10


class AIter:
    def __init__(self, n, fail_at=None):
        self.i = 0
        self.n = n
        self.fail_at = fail_at

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i == self.fail_at:
            raise KeyError(self.i)
        if self.i > self.n:
            raise StopAsyncIteration
        await Awaitable(1)
        return self.i


class ACtx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("enter", self.name)
        await Awaitable(1)
        return self.name.upper()

    async def __aexit__(self, t, e, tb):
        print("exit", self.name, t.__name__ if t else None, e)
        await Awaitable(1)
        return self.swallow


def drive(coro):
    # runs a coroutine to its end, sending back each yielded value's length
    v = None
    try:
        while True:
            y = coro.send(v)
            v = len(y) if y is not None else None
    except StopIteration as e:
        print("returned", e.args[0] if e.args else None)
    except Exception as e:
        print("raised", type(e).__name__, e)


async def simple(x):
    return x + 1


async def no_await():
    print("no_await runs")


async def awaits():
    a = await simple(1)
    b = await Awaitable(2)
    c = (await simple(2)) ** 2
    return a, b, c


async def fors():
    out = []
    async for i in AIter(3):
        out.append(i)
    else:
        out.append("else")
    async for i in AIter(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("not reached")
    try:
        async for i in AIter(5, fail_at=2):
            out.append(i)
    except KeyError as e:
        out.append("KeyError %s" % e)
    return out


async def withs():
    async with ACtx("a") as v:
        print("body", v)
    async with ACtx("b", swallow=True):
        raise ValueError("swallowed")
    try:
        async with ACtx("c"), ACtx("d") as d:
            print("body", d)
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with ACtx("loop%d" % i):
            if i == 0:
                continue
            if i == 1:
                break
    try:
        async with ACtx("fin"):
            return "from with"
    finally:
        print("finally")


drive(simple(41))
c = no_await()
print("created, not run yet")
drive(c)
drive(awaits())
drive(fors())
drive(withs())

# a coroutine can be closed or thrown into while suspended inside await
c = awaits()
print(c.send(None))
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("throw ->", e)
c = awaits()
c.send(None)
c.close()
print("closed")


# decorators and methods
def deco(f):
    print("decorating", f.__name__)
    return f


class K:
    @deco
    async def meth(self, x):
        return await simple(x)


drive(K().meth(9))
