# async syntax errors (CPython's rules: await only in an async def's own body) and awaiting or
# async-iterating what can't be (MicroPython's errors: await iterates, lookups raise AttributeError)


def d(f):
    return f


def syntax(src):
    try:
        exec(src)
        print("compiled")
    except SyntaxError:
        print("SyntaxError")


syntax("await x")
syntax("def f():\n    await x")
syntax("async def f():\n    await x")
syntax("async for x in y: pass")
syntax("def f():\n    async for x in y: pass")
syntax("async def f():\n    async for x in y: pass")
syntax("async with x: pass")
syntax("def f():\n    async with x: pass")
syntax("async def f():\n    async with x as y: pass")
syntax("async x = 1")
syntax("async def f():\n    lambda: await x")
syntax("class C:\n    await x")
syntax("async while True: pass")
syntax("@d\nasync def f(): pass")
syntax("@d\nasync class C: pass")


async def bad_await(x):
    return await x


for v in (1, None, "s"):
    try:
        bad_await(v).send(None)
    except TypeError:
        print("TypeError", type(v).__name__)


class NoAiter:
    pass


async def bad_for():
    async for x in NoAiter():
        pass


async def bad_with():
    async with NoAiter():
        pass


for f in (bad_for, bad_with):
    try:
        f().send(None)
    except AttributeError:
        print("AttributeError", f.__name__)

# StopAsyncIteration is a builtin Exception
print(issubclass(StopAsyncIteration, Exception), StopAsyncIteration("x").args)
