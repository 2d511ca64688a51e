"""asyncio on the board: its scheduler waits in the board's event loop, so while main.py runs an
endless asyncio program, a telnet login is served, the tasks' output reaches the session and
Ctrl-C stops the program at the prompt; while asyncio sleeps in the REPL, telnet is answered;
a ThreadSafeFlag set from a scheduled callback wakes its task; on the virtual clock hours of
asyncio.sleep pass at once."""
from conftest import PROMPT, RawRepl, Telnet, friendly_exec
from test_boot import booted, img_put, need_mtools

MAIN = (b"import asyncio\r\n"
        b"TICKS = []\r\n"
        b"async def ticker(name, ms):\r\n"
        b"    while True:\r\n"
        b"        TICKS.append(name)\r\n"
        b"        if len(TICKS) == 6:\r\n"
        b"            print('SIX TICKS')\r\n"
        b"        await asyncio.sleep_ms(ms)\r\n"
        b"async def main():\r\n"
        b"    asyncio.create_task(ticker('a', 30))\r\n"
        b"    await ticker('b', 50)\r\n"
        b"asyncio.run(main())\r\n")


def test_endless_asyncio_main_keeps_the_board_alive(make_board):
    need_mtools()
    state = booted(make_board)
    img_put(state, "main.py", MAIN)
    b = make_board(state=state)
    t = b.telnet()  # the login is served while the tasks sleep
    t.read_until(b"SIX TICKS\r\n")
    t.send(b"\x03")
    got = t.read_until(b"KeyboardInterrupt")
    assert got.startswith(b"Traceback (most recent call last):\r\n"), got
    t.read_until(PROMPT)
    ticks = friendly_exec(t, b"print(len(TICKS) >= 6, sorted(set(TICKS)))")
    assert ticks == b"True ['a', 'b']\r\n", ticks


def test_asyncio_in_the_repl_serves_telnet_while_it_sleeps(make_board):
    b = make_board()
    t = b.telnet()
    t.repl_ready()
    t.send(b"import asyncio\r")
    t.read_until(PROMPT)
    t.send(b"exec(\"async def f():\\n print('start')\\n await asyncio.sleep_ms(2000)\\n return 'slept'\")\r")
    t.read_until(PROMPT)
    t.send(b"asyncio.run(f())\r")
    t.read_until(b"start\r\n")
    t2 = Telnet(b.port)  # a second client is answered (one client at a time) during the sleep
    t2.read_until(b"busy")
    t._fill(0)
    assert b"slept" not in bytes(t.buf)
    assert t.read_until(PROMPT).endswith(b"'slept'\r\n>>> ")
    assert friendly_exec(t, b"print(6 * 7)") == b"42\r\n"
    t2.close()


FLAG_CODE = b"""
import asyncio, micropython
flag = asyncio.ThreadSafeFlag()
async def waiter():
    print('waiting')
    await flag.wait()
    print('flag seen')
async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    micropython.schedule(lambda f: f.set(), flag)  # as an irq handler would
    await t
    print('done')
asyncio.run(main())
"""

LONG_SLEEP_CODE = b"""
import asyncio, time
async def sleeper(s):
    await asyncio.sleep(s)
    return s
async def main():
    t0 = time.ticks_ms()
    r = await asyncio.gather(sleeper(3600), sleeper(7200))
    print(r, time.ticks_diff(time.ticks_ms(), t0) // 1000)
asyncio.run(main())
"""


def raw_session(b):
    t = b.telnet()
    t.repl_ready()
    r = RawRepl(t)
    r.enter()
    return t, r


def test_threadsafeflag_set_from_a_scheduled_callback(make_board):
    b = make_board()
    t, r = raw_session(b)
    out, err = r.exec(FLAG_CODE)
    assert (out, err) == (b"waiting\r\nflag seen\r\ndone\r\n", b""), (out, err)
    t.close()


def test_long_sleeps_are_instant_on_the_virtual_clock(make_board):
    b = make_board(args=["--clock", "virtual"])
    t, r = raw_session(b)
    out, err = r.exec(LONG_SLEEP_CODE)  # two hours of board time, within the default timeout
    assert (out, err) == (b"[3600, 7200] 7200\r\n", b""), (out, err)
    t.close()
