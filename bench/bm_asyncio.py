# asyncio scheduling: tasks switching with sleep(0), create_task + gather, an Event ping-pong
# and a Lock passed round (the same program runs under CPython's asyncio). Few tasks at a
# time: each costs ~400 bytes of the 96 KiB heap, and asyncio itself ~50 KiB.
import asyncio


async def spinner(n, log):
    for i in range(n):
        await asyncio.sleep(0)
    log.append(n)


async def ping(ev_a, ev_b, n, out):
    for i in range(n):
        await ev_a.wait()
        ev_a.clear()
        out[0] += 1
        ev_b.set()


async def leaf(i):
    await asyncio.sleep(0)
    return i * 2


async def locked(lock, counter, n):
    for i in range(n):
        async with lock:
            counter[0] += 1
            await asyncio.sleep(0)


async def main():
    log = []
    await asyncio.gather(*[spinner(8000, log) for _ in range(4)])
    total = 0
    for r in range(300):
        total += sum(await asyncio.gather(*[leaf(i) for i in range(10)]))
    a, b = asyncio.Event(), asyncio.Event()
    out = [0]
    t1 = asyncio.create_task(ping(a, b, 5000, out))
    t2 = asyncio.create_task(ping(b, a, 5000, out))
    a.set()
    await t1
    await t2
    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*[locked(lock, counter, 1000) for _ in range(4)])
    print(len(log), total, out[0], counter[0])


asyncio.run(main())
