# asyncio: run, create_task, sleep/sleep_ms ordering, return values, current_task, Task.done,
# awaiting finished tasks, uasyncio as the same module, errors of misuse
import asyncio
import time
import uasyncio

print(uasyncio.sleep_ms is asyncio.sleep_ms, uasyncio.Task is asyncio.Task)


async def worker(name, delay, log):
    log.append(name + " start")
    await asyncio.sleep_ms(delay)
    log.append(name + " end")
    return name * 2


async def main():
    log = []
    a = asyncio.create_task(worker("a", 100, log))
    b = asyncio.create_task(worker("b", 50, log))
    c = asyncio.create_task(worker("c", 0, log))
    print(a.done(), repr(a))
    print(await a, await b, await c)
    print(log)
    print(a.done(), await a)  # awaiting a finished task again gives its value again
    print(asyncio.current_task() is not a)
    # sleep(0) lets the others run, in creation order
    order = []

    async def spin(n):
        for i in range(3):
            order.append((n, i))
            await asyncio.sleep(0)

    ts = [asyncio.create_task(spin(n)) for n in range(3)]
    for t in ts:
        await t
    print(order)
    # a task's exception reaches whoever awaits it
    async def boom():
        await asyncio.sleep_ms(1)
        raise ValueError("boom")

    t = asyncio.create_task(boom())
    try:
        await t
    except ValueError as e:
        print("caught", e, t.done())
    return "main done"


print(asyncio.run(main()))

try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)

try:
    asyncio.create_task(42)
except TypeError as e:
    print("TypeError", e)

async def too_long():
    await asyncio.sleep_ms(time.ticks_add(0, -1) // 2 + 1)


try:
    asyncio.run(too_long())
except OverflowError as e:
    print("OverflowError", e)


# an exception leaving the main task leaves run()
async def failing():
    await asyncio.sleep(0)
    raise ValueError("out")


try:
    asyncio.run(failing())
except ValueError as e:
    print("ValueError", e)


# a task can't cancel itself
async def selfcancel():
    asyncio.current_task().cancel()


try:
    asyncio.run(selfcancel())
except RuntimeError as e:
    print("RuntimeError", e)
