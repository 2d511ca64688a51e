# asyncio's loop object: get_event_loop/new_event_loop, run_until_complete, run_forever and
# stop, the exception handler that hears of a task's unretrieved exception
import asyncio


async def tick(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name


async def fail(v):
    raise ValueError(v)


loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop(), loop.get_exception_handler())
print(loop.run_until_complete(tick("ruc", 2)))
t = loop.create_task(tick("t", 2))
print(loop.run_until_complete(t), t.done())


async def stopper():
    print("stopper runs")
    loop.stop()
    await asyncio.sleep(0)
    print("stopper again")
    loop.stop()


loop = asyncio.new_event_loop()
loop.create_task(stopper())
bg = loop.create_task(tick("bg", 3))


async def last():
    print("last got", await bg)
    loop.stop()


loop.create_task(last())
for i in range(3):
    print("run_forever", i)
    loop.run_forever()


# a task ends with an exception nobody awaits
async def main():
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    asyncio.create_task(fail(2))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # awaited in time: not reported
    t = asyncio.create_task(fail(3))
    await asyncio.sleep(0)
    try:
        await t
    except ValueError as e:
        print("retrieved", e)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print("done")


asyncio.run(main())
