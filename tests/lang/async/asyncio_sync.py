# asyncio Event, Lock (FIFO hand-over, async with, cancellation of a waiter) and ThreadSafeFlag
import asyncio


async def wait_event(name, ev):
    print(name, "waits")
    r = await ev.wait()
    print(name, "got it", r)


async def hold(name, lock, ms):
    async with lock:
        print(name, "holds", lock.locked())
        await asyncio.sleep_ms(ms)
    print(name, "released")


async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    ts = [asyncio.create_task(wait_event(n, ev)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print("set")
    ev.set()
    print(ev.is_set())
    for t in ts:
        await t
    await wait_event("d", ev)  # already set: no waiting
    ev.clear()
    print(ev.is_set())

    lock = asyncio.Lock()
    print(lock.locked(), await lock.acquire(), lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    ts = [asyncio.create_task(hold(n, lock, 5)) for n in ("x", "y", "z")]
    for t in ts:
        await t
    print(lock.locked())
    # a cancelled waiter is skipped
    await lock.acquire()
    y = asyncio.create_task(hold("y2", lock, 1))
    z = asyncio.create_task(hold("z2", lock, 1))
    await asyncio.sleep(0)
    y.cancel()
    lock.release()
    await z
    print(y.done(), lock.locked())

    flag = asyncio.ThreadSafeFlag()

    async def flag_waiter():
        print("flag wait")
        await flag.wait()
        print("flag seen")

    t = asyncio.create_task(flag_waiter())
    await asyncio.sleep_ms(5)
    print("flag set")
    flag.set()
    await t
    flag.set()
    await flag.wait()  # already set: returns at once, and clears it
    print("flag cleared:", flag.state == 0)


asyncio.run(main())
