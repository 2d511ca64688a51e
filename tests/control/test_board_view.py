"""The board seen and driven from outside while Python runs on it (issue 9): pins driven through the
control interface raise IRQs in Python; the LED's heartbeat and error signal measured in recorded
VCD traces (--clock virtual: exact times); light sleep woken by a pin driven from outside;
deepsleep woken the same way reboots with DEEPSLEEP_RESET / PIN_WAKE; a drive held through a reset;
a pin toggled from Python traced and read back with sigrok-cli."""
import os
import re
import shutil
import subprocess

import pytest

from conftest import SCALE, T, Control, ControlError, read_vcd, repl, run, start

MS = 10**6  # ns


def exec_start(r, code):
    """Starts code in the raw REPL (plain raw mode) without waiting for it to end."""
    r.io.write(code.encode() + b"\x04")
    assert r.io.read_exact(2) == b"OK"


def exec_end(r, timeout=None):
    """The (stdout, stderr) of the code exec_start began."""
    out, err = r._follow(timeout)
    return out.decode(), err.decode()


def ready(board):
    """Waits for the first prompt on the board's terminal (boot.py and main.py have run)."""
    board.term.read_until(b">>> ")


def led_intervals(v, after_ns):
    """[(t, level)] of the LED's edges after a time, and the gaps between them (ns)."""
    e = [(t, lv) for t, lv in v.edges("LED") if t >= after_ns]
    return e, [b[0] - a[0] for a, b in zip(e, e[1:])]


def test_edges_from_outside_raise_irqs_in_python(make_board):
    b, c = start(make_board)
    r = repl(b)
    run(r, "from machine import Pin\n"
           "seen = bytearray(8)\n"
           "n = [0]\n"
           "def h(pin):\n"
           "    seen[n[0]] = pin.value() + 48\n"
           "    n[0] += 1\n"
           "p = Pin('GP10', Pin.IN, Pin.PULL_DOWN)\n"
           "p.irq(trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING, handler=h)\n")
    for level in ("high", "low", "high"):
        c.drive("GP10", level)
    c.drive("GP11", "high")  # another pin: no irq
    assert run(r, "print(n[0], bytes(seen[:n[0]]))") == "3 b'101'\r\n"
    # the pin as Python sees it is the net's level
    assert run(r, "print(p.value(), Pin('GP11').value())") == "1 1\r\n"
    c.release("GP10")
    assert run(r, "print(p.value())") == "0\r\n"   # the pull-down takes over


def test_heartbeat_in_the_vcd(make_board, tmp_path):
    path = str(tmp_path / "hb.vcd")
    b, c = start(make_board, "--vcd", path)
    ready(b)
    t_ready = c.clock()
    c.advance(s=13)
    c.trace_stop()
    v = read_vcd(path)
    edges, gaps = led_intervals(v, t_ready)
    assert len(edges) >= 6, edges
    # one flash every 4 s: on for 80 ms, off for 3920 ms, exactly (virtual clock)
    for (t, lv), gap in zip(edges, gaps):
        assert gap == (80 * MS if lv == "1" else 3920 * MS), (t, lv, gap)
    # GP25 is the LED's pin: the same edges
    assert [e for e in v.edges("GP25") if e[0] >= t_ready] == edges


def test_error_signal_after_a_failing_main_py(make_board, tmp_path):
    path = str(tmp_path / "err.vcd")
    b, c = start(make_board)
    ready(b)
    r = repl(b)
    run(r, "f = open('/flash/main.py', 'w')\nf.write('import time\\nprint(\"main starts\")\\ntime.sleep_ms(100)\\nraise ValueError(42)\\n')\nf.close()")
    r.exit()                      # back to the friendly REPL: a soft reset from there runs main.py
    r.io.read_until(b">>> ")
    c.subscribe(["console"])
    c.trace_start(path)
    t0 = c.clock()
    r.io.write(b"\x04")           # Ctrl-D at the friendly prompt: a soft reset, then main.py
    c.console_until("ValueError: 42")
    c.advance(s=3)
    c.trace_stop()
    v = read_vcd(path)
    edges, gaps = led_intervals(v, t0)
    # main.py sleeps past the heartbeat's first flash (80 ms), then fails: the LED turns on and
    # toggles every 50 ms for 1.2 s (24 intervals), then the heartbeat starts again: on for 80 ms
    rise = next(i for i, (t, lv) in enumerate(edges) if lv == "1" and i + 24 < len(edges) and
                all(abs(g - 50 * MS) <= 1100000 for g in gaps[i:i + 24]))
    flash = gaps[rise:rise + 24]
    assert all(abs(g - 50 * MS) <= 1100000 for g in flash), flash
    assert abs(sum(flash) - 1200 * MS) <= 1100000
    assert gaps[rise + 24] == 80 * MS and edges[rise + 24][1] == "1"


def test_light_sleep_woken_by_a_pin_from_outside(make_board):
    b, c = start(make_board)
    r = repl(b)
    c.subscribe(["console"])
    exec_start(r, "import machine\nfrom machine import Pin\n"
                  "p = Pin('GP10', Pin.IN, Pin.PULL_DOWN)\n"
                  "woke = []\n"
                  "p.irq(trigger=Pin.IRQ_RISING, wake=machine.SLEEP, handler=lambda x: None)\n"
                  "print('going to sleep')\n"
                  "machine.sleep()\n"
                  "print('woke', machine.wake_reason() == machine.PIN_WAKE)\n")
    c.console_until("going to sleep")
    assert c.status()["power"] == "sleep"
    t = c.clock()
    c.advance(s=5)                       # asleep for 5 s: nothing wakes it
    assert c.status()["power"] == "sleep"
    e = c.energy()
    assert e["states"]["sleep"]["ns"] >= 5000 * MS
    c.drive("GP10", "high")
    out, err = exec_end(r)
    assert (out, err) == ("going to sleep\r\nwoke True\r\n", "")
    assert c.status()["power"] == "active" and c.clock() >= t + 5000 * MS


def test_deepsleep_wake_reboots_with_the_right_cause(make_board):
    b, c = start(make_board)
    r = repl(b)
    c.subscribe(["console"])
    exec_start(r, "import machine\nfrom machine import Pin\n"
                  "p = Pin('GP10', Pin.IN, Pin.PULL_DOWN)\n"
                  "p.irq(trigger=Pin.IRQ_RISING, wake=machine.DEEPSLEEP)\n"
                  "print('deep')\n"
                  "machine.deepsleep()\n")
    c.console_until("deep")
    assert c.status()["power"] == "deepsleep"
    c.drive("GP10", "high")
    # the board reboots; the control connection stays, the telnet server comes back on its port
    b.wait_telnet_line()
    st = c.status()
    assert (st["reset_cause"], st["wake_reason"]) == (3, 2)
    r2 = repl(b)
    assert run(r2, "import machine\nprint(machine.reset_cause() == machine.DEEPSLEEP_RESET, "
                   "machine.wake_reason() == machine.PIN_WAKE)") == "True True\r\n"
    assert c.pin("GP10")["outside"] is True    # the outside still holds it


def test_a_drive_is_held_through_a_hard_reset(make_board, tmp_path):
    path = str(tmp_path / "reset.vcd")
    b, c = start(make_board)
    w = Control(b.control_port)
    w.subscribe(["edge"], pins=["GP5"])
    c.trace_start(path)
    c.drive("GP28", "high")
    c.volts("GP3", 1.1)
    c.advance(ms=5)
    c.reset("hard")
    b.wait_telnet_line()
    # both clients are still connected; the drives are still there, from the new boot's start on
    p = c.pin("GP28")
    assert (p["level"], p["outside"]) == (1, True)
    assert c.pin("GP3")["volts"] == 1.1
    r = repl(b)
    assert run(r, "import machine\nfrom machine import Pin\n"
                  "print(machine.reset_cause() == machine.HARD_RESET, Pin('GP28').value())") == "True 1\r\n"
    c.advance(ms=5)
    c.drive("GP5", "high")
    ev = w.wait_event(event="edge", pin="GP5")
    assert ev["level"] == 1
    c.trace_stop()
    v = read_vcd(path)                     # one file across the reset, time going on
    assert [lv for _, lv in v.edges("GP28")] == ["1"]   # held high all along
    assert [lv for _, lv in v.edges("GP5")] == ["1"]
    assert v.edges("GP5")[0][0] >= v.edges("GP28")[0][0] + 10 * MS
    assert v.stamps == sorted(v.stamps) and len(v.stamps) >= 3


def test_power_cycle_from_outside(make_board):
    b, c = start(make_board)
    ready(b)
    c.drive("GP6", "high")
    c.power_cycle()
    b.wait_telnet_line()
    st = c.status()
    assert st["reset_cause"] == 0           # PWRON_RESET
    assert c.pin("GP6")["level"] == 1       # the outside world was not unplugged


def sigrok_edges(path, channel):
    """The channel's edges as sigrok-cli reads the VCD (downsampled to 1 MHz) and writes it back
    out as VCD: [(t_us, level)]. (sigrok 0.5.2 loses the changes of a channel picked with -C, so
    every channel is converted and the one wanted is found by name.)"""
    p = subprocess.run(["sigrok-cli", "-I", "vcd:downsample=1000", "-i", path, "-O", "vcd"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60 * SCALE)
    assert p.returncode == 0, p.stderr
    text = p.stdout.decode()
    m = re.search(r"\$timescale\s+(\d+)\s*(\w+)\s+\$end", text)
    assert m and (m.group(1), m.group(2)) == ("1", "us"), text[:400]
    code = dict((name, c) for c, name in re.findall(r"\$var wire 1 (\S+) (\S+) \$end", text))[channel]
    edges, t, last = [], None, None
    for tok in text.split("$enddefinitions $end", 1)[1].split():
        if tok.startswith("#"):
            t = int(tok[1:])
        elif tok[1:] == code:
            if last is not None and tok[0] != last:
                edges.append((t, int(tok[0])))
            last = tok[0]
    return edges


@pytest.mark.skipif(shutil.which("sigrok-cli") is None, reason="sigrok-cli is not installed")
def test_pin_toggled_from_python_read_back_with_sigrok(make_board, tmp_path):
    path = str(tmp_path / "toggle.vcd")
    b, c = start(make_board)
    r = repl(b)
    run(r, "from machine import Pin\nimport time\np = Pin('GP10', Pin.OUT, value=0)\nwaits = (3, 5, 8, 13, 21, 34, 55)")
    c.trace_start(path)
    c.advance(ms=1)            # the dump's start and the program's first edge are apart...
    run(r, "for ms in waits:\n    p.toggle()\n    time.sleep_ms(ms)\np.value(0)\n")
    c.advance(ms=1)            # ...and so are its last edge and the dump's end
    c.trace_stop()
    ours = [(t, int(lv)) for t, lv in read_vcd(path).edges("GP10")]
    # the program's edges: 7 toggles from 0 (ending high), then value(0)
    assert [lv for _, lv in ours] == [1, 0, 1, 0, 1, 0, 1, 0]
    waits = (3, 5, 8, 13, 21, 34, 55)
    for (a, _), (b2, _), ms in zip(ours, ours[1:], waits):
        assert ms * MS <= b2 - a < (ms + 3) * MS, (a, b2, ms)
    # sigrok reads the same edges (at its 1 us resolution, counted from the trace's start)
    t_start = read_vcd(path).changes["GP10"][0][0]
    theirs = sigrok_edges(path, "GP10")
    assert [lv for _, lv in theirs] == [lv for _, lv in ours]
    for (ts, _), (to, _) in zip(theirs, ours):
        assert abs(ts - (to - t_start) // 1000) <= 1, (ts, to, t_start)


RIG = """{
  "version": 1, "author": "tests/control", "editor": "wipy",
  "parts": [
    {"type": "wipy", "id": "wipy"},
    {"type": "pushbutton", "id": "btn1", "attrs": {"pull": "up"}},
    {"type": "pushbutton", "id": "btn2", "attrs": {"pull": "down", "bounce_ms": 5}}
  ],
  "connections": [
    ["wipy:GP12", "wipy:GP17", "green", []],
    ["btn1:1", "wipy:GP17", "black", []], ["btn1:2", "wipy:GND", "black", []],
    ["btn2:1", "wipy:GP22", "red", []], ["btn2:2", "wipy:3V3", "red", []]
  ]
}
"""


def test_buttons_on_wired_pins_raise_irqs(make_board, tmp_path):
    rig = tmp_path / "rig.json"
    rig.write_text(RIG)
    b, c = start(make_board, "--board", str(rig))
    r = repl(b)
    run(r, "from machine import Pin\n"
           "falls = [0]\nrises = [0]\n"
           "def f(p):\n    falls[0] += 1\n"
           "def g(p):\n    rises[0] += 1\n"
           "a = Pin('GP12', Pin.IN)\n"          # wired to GP17, where btn1 (to GND, pull-up) sits
           "a.irq(trigger=Pin.IRQ_FALLING, handler=f)\n"
           "d = Pin('GP22', Pin.IN)\n"          # btn2: to 3V3 with a pull-down, bouncing 5 ms
           "d.irq(trigger=Pin.IRQ_RISING, handler=g)\n")
    assert run(r, "print(a.value(), d.value())") == "1 0\r\n"
    st = c.press("btn1")
    assert st["pressed"] is True and st["pin"]["level"] == 0
    assert run(r, "print(falls[0], a.value())") == "1 0\r\n"
    c.unpress("btn1")
    assert run(r, "print(falls[0], a.value())") == "1 1\r\n"
    c.press("GP22")                            # a button can be named by its pin
    c.advance(ms=10)                           # the contact settles
    out = run(r, "print(rises[0], d.value())")
    n, level = out.split()
    assert level == "1" and int(n) >= 1
    edges = c.history("GP22")["edges"]
    assert [lv for _, lv in edges][-1] == 1 and len(edges) >= 1
    assert edges[-1][0] - edges[0][0] <= 5 * MS  # the bounce is over within bounce_ms
    with pytest.raises(ControlError) as e:
        c.press("btn9")
    assert "btn1" in str(e.value) and "btn2" in str(e.value)
    with pytest.raises(ControlError):
        c.press("GP10")                        # no button there
    # a button held through a reset stays pressed, as a finger would keep it
    c.press("btn1")
    c.reset("hard")
    b.wait_telnet_line()
    assert (c.pin("GP17")["level"], c.pin("GP12")["level"]) == (0, 0)
    c.unpress("btn1")
    assert c.pin("GP12")["level"] == 1


def test_soft_reset_from_outside(make_board):
    b, c = start(make_board)
    ready(b)
    c.subscribe(["console"])
    c.reset("soft")                              # at the prompt, waiting for input
    c.console_until("MPY: soft reboot")
    c.console_until(">>> ")
    r = repl(b)
    exec_start(r, "print('looping')\nwhile True:\n    pass\n")   # busy in Python
    c.console_until("looping")
    c.reset("soft")
    c.console_until("MPY: soft reboot")
    assert c.status()["reset_cause"] == 4        # SOFT_RESET


def test_a_client_that_does_not_read_never_blocks_the_board(make_board):
    b, c = start(make_board)
    slow = Control(b.control_port)
    slow.subscribe(["edge"], pins=["GP12", "GP13"])
    r = repl(b)
    n = 300000
    # ~18 MB of events for a client that reads nothing meanwhile: the board must not wait for it
    out = run(r, "from machine import Pin\np = Pin('GP12', Pin.OUT)\n"
                 "for i in range(%d):\n    p.value(i & 1 ^ 1)\nprint('done')\n" % n, timeout=120 * SCALE)
    assert out == "done\r\n"
    slow.call("clock")                 # a barrier: every event queued before it has now arrived
    got = len([e for e in slow.events if e["pin"] == "GP12"])
    c.drive("GP13", "high")
    ev = slow.wait_event(event="edge", pin="GP13")
    assert ev.get("dropped_before", 0) > 0
    assert got + ev["dropped_before"] == n, (got, ev["dropped_before"])


def test_led_events_and_state(make_board):
    b, c = start(make_board)
    ready(b)
    c.subscribe(["led"])
    c.advance(ms=8100)
    evs = []
    while len(evs) < 4:
        evs.append(c.wait_event(event="led"))
    for a, b2 in zip(evs, evs[1:]):      # on for 80 ms, off for 3920 ms
        assert b2["on"] is not a["on"]
        assert b2["t_ns"] - a["t_ns"] == (80 * MS if a["on"] else 3920 * MS), (a, b2)
    led = c.led()
    assert led["heartbeat"] is True and led["fatal"] is False and led["on"] in (True, False)
    r = repl(b)
    run(r, "import wipy\nwipy.heartbeat(False)")
    assert c.led()["heartbeat"] is False and c.led()["on"] is False


def test_analog_pin_takes_at_most_1_8_volts(make_board):
    b, c = start(make_board)
    r = repl(b)
    assert c.volts("GP3", 2.5)["level"] == 1         # a GPIO takes up to 3.6 V
    c.volts("GP3", 0.7)
    run(r, "import machine\nadc = machine.ADC()\nch = adc.channel(pin='GP3')")
    assert c.pin("GP3")["analog"] is True
    with pytest.raises(ControlError) as e:
        c.volts("GP3", 2.5)                            # in analog mode: 1.8 V at most
    assert "1.8 V" in str(e.value) and "analog" in str(e.value)
    assert c.pin("GP3")["volts"] == 0.7 and c.status()["damage"] == 1
    c.volts("GP3", 1.8)
    assert int(run(r, "print(ch())").strip()) == 4095  # full scale is 1.4 V
