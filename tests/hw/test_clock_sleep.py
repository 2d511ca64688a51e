"""The board's clock (DESIGN.md "Concurrency and time") and sleep (spec §5 Sleep): the virtual clock
jumps over waits, stands still while only the outside is awaited, gives the same output and
timestamps on every run; the heartbeat's 80/3920 ms; the error signal after a failing main.py;
idle/sleep/deepsleep with pin wake sources, reset_cause and wake_reason."""
import os
import subprocess
import time

from conftest import BARE, RIG, T, harness

SCRIPT = (
    "import time, machine\n"
    "from machine import Pin\n"
    "t0 = time.ticks_us()\n"
    "for i in range(3000):\n"
    "    pass\n"
    "t1 = time.ticks_us()\n"
    "time.sleep_ms(7)\n"
    "t2 = time.ticks_us()\n"
    "p = Pin('GP17', Pin.OUT)\n"
    "for i in range(1000):\n"
    "    p.toggle()\n"
    "t3 = time.ticks_us()\n"
    "print(t0, t1, t2, t3, time.ticks_diff(t2, t1), time.time())\n")


def test_virtual_clock_gives_identical_runs(make_session):
    outs = []
    for _ in range(2):
        s = make_session(["--board", RIG, "--clock", "virtual"])
        outs.append(s.run(SCRIPT))
        s.board.kill()
    assert outs[0] == outs[1], outs
    t0, t1, t2, t3, d, now = (int(x) for x in outs[0].split())
    assert t1 > t0 and t3 > t2          # steps cost time
    assert 7000 <= d < 7000 + 2000      # the sleep jumped exactly its length (plus a poll's steps)
    assert now >= 473385600             # the RTC starts at 2015-01-01 under the virtual clock


def test_step_cost_sets_the_pace(make_session):
    def loop_us(step):
        s = make_session(["--clock", "virtual", "--step-ns", str(step)])
        out = s.run("import time\nt0 = time.ticks_us()\nfor i in range(100000):\n    pass\n"
                    "print(time.ticks_diff(time.ticks_us(), t0))\n")
        s.board.kill()
        return int(out)
    slow, fast = loop_us(8000), loop_us(1000)
    assert 6 * fast < slow < 10 * fast, (slow, fast)


def test_long_sleep_is_fast_under_the_virtual_clock(make_session):
    s = make_session(["--clock", "virtual"])
    start = time.monotonic()
    out = s.run("import time\nt0 = time.ticks_ms()\ntime.sleep(60)\nprint(time.ticks_diff(time.ticks_ms(), t0))\n")
    host = time.monotonic() - start
    assert 60000 <= int(out) <= 60002, out
    assert host < 5 * T, host  # bounded, not a speed figure (see make bench)


def test_virtual_time_stands_still_while_waiting_for_input(make_session):
    s = make_session(["--clock", "virtual"])
    a = int(s.run("import time\nprint(time.ticks_ms())\n"))
    s.t.read_for(0.3)  # the host waits; the board waits for us
    b = int(s.run("import time\nprint(time.ticks_ms())\n"))
    assert 0 <= b - a < 20, (a, b)


def test_heartbeat_timing(make_session):
    s = make_session(["--clock", "virtual"])
    out = s.run(
        "import time\nfrom machine import Pin\n"
        "led = Pin('GP25'); last = led(); t = []\n"
        "for i in range(1000):\n"
        "    time.sleep_ms(10)\n"
        "    if led() != last:\n"
        "        last = led(); t.append(time.ticks_ms())\n"
        "print([b - a for a, b in zip(t, t[1:])])\n", timeout=T)
    gaps = eval(out)
    assert len(gaps) >= 3
    for on, off in zip(gaps[0::2], gaps[1::2]):
        assert {on, off} == {80, 3920} or (abs(on - 80) <= 10 and abs(off - 3920) <= 10) or \
            (abs(on - 3920) <= 10 and abs(off - 80) <= 10), gaps


def test_heartbeat_off_makes_gp25_an_ordinary_pin(make_session):
    s = make_session(["--clock", "virtual"])
    out = s.run(
        "import time, wipy\nfrom machine import Pin\n"
        "wipy.heartbeat(False); print(wipy.heartbeat())\n"
        "led = Pin('GP25', Pin.OUT, value=1)\n"
        "time.sleep(9); print(led(), led)\n"
        "try:\n    wipy.heartbeat(True, 1)\nexcept TypeError:\n    print('TypeError')\n")
    assert out == "False\n1 Pin('GP25', mode=Pin.OUT, pull=None, drive=Pin.MED_POWER, alt=-1)\nTypeError\n"
    s.raw.soft_reset()
    assert s.run("import wipy\nprint(wipy.heartbeat())\n") == "True\n"


def test_error_signal_after_a_failing_main_py(make_board, tmp_path):
    state = tmp_path / "st"
    b = make_board(state, args=["--clock", "virtual"])
    t = b.telnet()
    raw = harness.RawRepl(t)
    raw.enter()
    raw.exec("f = open('/flash/main.py', 'w'); f.write('1//0\\n'); f.close()\n")
    raw.exit()
    t.read_until(b">>> ")
    t.write(b"\x04")  # a soft reset from the friendly REPL runs main.py (the raw REPL's does not)
    t.read_until(b"ZeroDivisionError")
    raw.enter()
    out, err = raw.exec(
        "import time, wipy\nfrom machine import Pin\n"
        "led = Pin('GP25'); last = led(); n = 0; t0 = time.ticks_ms()\n"
        "for i in range(300):\n"
        "    time.sleep_ms(5)\n"
        "    if led() != last:\n"
        "        last = led(); n += 1\n"
        "print(n)\n")
    # 1.2 s of 50 ms toggles (at most 24 edges), then the heartbeat: within 1.5 s, many edges
    assert 15 <= int(out) <= 25, (out, err)


def test_idle_and_sleep(rig):
    out = rig.run(
        "import machine, time\nfrom machine import Pin\n"
        "t0 = time.ticks_us(); machine.idle(); print(time.ticks_diff(time.ticks_us(), t0) <= 1100)\n"
        "src = Pin('GP16', Pin.OUT, value=0); dst = Pin('GP13', Pin.IN)\n"
        "hits = [0]\n"
        "def h(p):\n    hits[0] += 1\n"
        "dst.irq(trigger=Pin.IRQ_LOW_LEVEL, handler=h, wake=machine.SLEEP)\n"
        "machine.sleep()\n"
        "print('awake', machine.wake_reason() == machine.PIN_WAKE, hits[0])\n"
        "print(machine.reset_cause())\n")
    assert out == "True\nawake True 1\n0\n"


def test_deepsleep_wakes_as_a_reset(make_board):
    b = make_board(args=["--board", RIG, "--clock", "virtual"])
    t = b.telnet()
    raw = harness.RawRepl(t)
    raw.enter()
    # a level wake that already holds: the board sleeps and wakes at once, through a reset
    raw.io.write(b"import machine\nfrom machine import Pin\n"
                 b"Pin('GP16', Pin.OUT, value=1)\n"
                 b"Pin('GP13', Pin.IN).irq(trigger=Pin.IRQ_HIGH_LEVEL, wake=machine.DEEPSLEEP)\n"
                 b"machine.deepsleep()\n\x04")
    t.read_until(b"OK")
    b.wait_telnet_line()  # the board started again
    t2 = b.telnet()
    raw2 = harness.RawRepl(t2)
    raw2.enter()
    out, err = raw2.exec("import machine\nprint(machine.reset_cause() == machine.DEEPSLEEP_RESET, "
                         "machine.wake_reason() == machine.PIN_WAKE)\n")
    assert (out, err) == (b"True True\r\n", b"")


def test_deepsleep_without_a_wake_source_says_so(make_session):
    s = make_session(["--clock", "virtual"])
    s.t.write(b"import machine\nmachine.deepsleep()\n\x04")
    s.t.read_until(b"deepsleep: no wake source is set; the board sleeps until it is reset\r\n")
    # Ctrl-C still reaches it (the REPL over telnet is the way back)
    s.t.write(b"\x03")
    s.t.read_until(b"KeyboardInterrupt")


def test_bad_clock_options(wipy, tmp_path):
    for args, msg in ((["--clock", "fast"], "--clock wants 'real' or 'virtual', not 'fast'"),
                      (["--step-ns", "0"], "--step-ns wants nanoseconds per VM step"),
                      (["--step-ns", "x"], "--step-ns wants nanoseconds per VM step")):
        state = tmp_path / "never"
        r = subprocess.run([wipy, "--state", str(state), "--telnet-port", "0"] + args,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=T)
        assert r.returncode == 2, r
        assert msg in r.stderr.decode() and r.stderr.decode().count("\n") <= 8
        assert not os.path.exists(state)
