# asyncio: Task.cancel in every state (sleeping, waiting on an Event, a Lock, another task,
# not yet started, finished), catching CancelledError, wait_for timeouts and cancellation
import asyncio


async def sleeper(name, ms, catch=False):
    print(name, "sleeps")
    try:
        await asyncio.sleep_ms(ms)
    except asyncio.CancelledError:
        print(name, "cancelled")
        if not catch:
            raise
        return name + " survived"
    print(name, "woke")
    return name


async def value(v, ms):
    await asyncio.sleep_ms(ms)
    return v


async def raiser(ms):
    await asyncio.sleep_ms(ms)
    raise ValueError("from task")


async def main():
    # cancel while sleeping
    t = asyncio.create_task(sleeper("s1", 1000))
    await asyncio.sleep(0)
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting s1: CancelledError", t.done())
    print("cancel again ->", t.cancel())
    # cancel caught by the task: it returns normally
    t = asyncio.create_task(sleeper("s2", 1000, catch=True))
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    # cancel before it ever ran
    t = asyncio.create_task(sleeper("s3", 10))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("s3 never ran")
    # cancel a task waiting on an event
    ev = asyncio.Event()

    async def waiter():
        try:
            await ev.wait()
        except asyncio.CancelledError:
            print("waiter cancelled")
            raise

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    ev.set()
    print("event set, waiter done:", t.done())
    # cancelling a task that awaits another cancels that one too
    inner = asyncio.create_task(sleeper("inner", 1000))

    async def outer():
        return await inner

    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled, inner done:", inner.done())

    # wait_for
    print(await asyncio.wait_for_ms(value("quick", 1), 500))
    try:
        await asyncio.wait_for_ms(sleeper("slow", 1000), 10)
    except asyncio.TimeoutError:
        print("TimeoutError")
    try:
        await asyncio.wait_for_ms(raiser(1), 500)
    except ValueError as e:
        print("wait_for passes on", repr(e))
    print(await asyncio.wait_for(value("no timeout", 1), None))
    # the wait_for itself is cancelled: so is what it waits for
    t = asyncio.create_task(asyncio.wait_for_ms(sleeper("wf", 1000), 500))
    await asyncio.sleep_ms(5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("wait_for cancelled")
    print(isinstance(asyncio.CancelledError(), Exception), issubclass(asyncio.TimeoutError, Exception))


asyncio.run(main())
