# import asyncio takes little of the default heap: its code (bytecode, constants, names) is
# compiled at build time into the executable (core/frozen.h), so only its module objects (classes,
# functions, the loop's queues) are allocated; and it still works, with tracebacks into its lines.
import gc

gc.collect()
before = gc.mem_free()
import asyncio

gc.collect()
used = before - gc.mem_free()
print("import asyncio under 16 KiB:", used < 16 * 1024)


async def f(n):
    await asyncio.sleep_ms(1)
    return n * 2


print(asyncio.run(asyncio.gather(f(1), f(2))))
try:
    asyncio.run(asyncio.wait_for_ms(f(3), 0))
except asyncio.TimeoutError:
    print("TimeoutError")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
# a traceback from inside the frozen module names its file and line
import sys, io

s = io.StringIO()
try:
    asyncio.run(42)
except TypeError as e:
    sys.print_exception(e, s)
print(s.getvalue().splitlines()[-2:])
