# Each sleep()/sleep_ms() call gives its own awaitable, so sleeps made before they are awaited keep
# their own length (gather of sleeps, create_task(sleep(...)), wait_for(sleep(...), timeout)); with
# the heap locked, sleep_ms still works (one shared awaitable, awaited at once).
import asyncio
import micropython

log = []


async def after(aw, name):
    await aw
    log.append(name)


async def main():
    a, b, c = asyncio.sleep_ms(30), asyncio.sleep_ms(10), asyncio.sleep_ms(20)
    print(a is b, b is c)
    print(await asyncio.gather(after(a, 30), after(b, 10), after(c, 20)))
    print(log)
    r = await asyncio.gather(asyncio.sleep_ms(3), asyncio.sleep(0))
    print(r)
    t = asyncio.create_task(asyncio.sleep_ms(50))
    await asyncio.sleep(0)
    print('task done after one round:', t.done())
    await t
    print('task done after await:', t.done())
    for timeout in (0, -1):
        try:
            await asyncio.wait_for(asyncio.sleep(10), timeout)
            print('returned')
        except asyncio.TimeoutError:
            print('TimeoutError', timeout)
    try:
        await asyncio.wait_for_ms(asyncio.sleep_ms(500), 10)
    except asyncio.TimeoutError:
        print('TimeoutError ms')
    print(await asyncio.wait_for_ms(asyncio.sleep_ms(5), 100))
    micropython.heap_lock()
    try:
        for _ in range(3):
            await asyncio.sleep_ms(1)
        ok = True
    except MemoryError:
        ok = False
    micropython.heap_unlock()
    print('sleep with the heap locked:', ok)


asyncio.run(main())
