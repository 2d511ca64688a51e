"""asyncio on the board: its scheduler waits in the board's event loop, so while main.py runs an
endless asyncio program, a telnet login is served, the tasks' output reaches the session and
Ctrl-C stops the program at the prompt; while asyncio sleeps in the REPL, telnet is answered."""
from conftest import PROMPT, Telnet, friendly_exec
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
