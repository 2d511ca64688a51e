# asyncio.gather: results in order, return_exceptions, the first failure, tasks that already
# finished, gather of nothing, cancelling a gather cancels its tasks
import asyncio


async def value(v, ms):
    await asyncio.sleep_ms(ms)
    print("value", v)
    return v


async def fail(msg, ms):
    await asyncio.sleep_ms(ms)
    print("fail", msg)
    raise ValueError(msg)


async def forever(name):
    try:
        while True:
            await asyncio.sleep_ms(5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


def handler(loop, ctx):
    print("unretrieved:", repr(ctx["exception"]))


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    print(await asyncio.gather(value(1, 80), value(2, 40), value(3, 0)))
    print(await asyncio.gather())
    print(await asyncio.gather(value(1, 40), fail("x", 1), return_exceptions=True))
    try:
        await asyncio.gather(value(1, 80), fail("first", 1), fail("second", 40))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep_ms(120)  # the others go on and finish
    # tasks that finished before the gather
    t1 = asyncio.create_task(value("early", 0))
    t2 = asyncio.create_task(fail("early", 0))
    for _ in range(3):
        await asyncio.sleep(0)
    print(await asyncio.gather(t1, t2, return_exceptions=True))
    try:
        await asyncio.gather(t1, t2)
    except ValueError as e:
        print("already failed:", e)
    # cancelling the gathering task cancels what it gathers
    g = asyncio.create_task(asyncio.gather(forever("f1"), forever("f2")))
    await asyncio.sleep_ms(12)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    await asyncio.sleep_ms(12)
    print("end")


asyncio.run(main())
