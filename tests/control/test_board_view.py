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

from conftest import HAS_CLOCK, SCALE, T, Control, read_vcd, repl, run, start

pytestmark = pytest.mark.skipif(not HAS_CLOCK, reason="board mode has no --clock and machine.Pin yet")

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
    run(r, "f = open('/flash/main.py', 'w')\nf.write('print(\"main starts\")\\nraise ValueError(42)\\n')\nf.close()")
    c.subscribe(["console"])
    c.trace_start(path)
    t0 = c.clock()
    c.reset("soft")
    c.console_until("ValueError: 42")
    c.advance(s=3)
    c.trace_stop()
    v = read_vcd(path)
    edges, gaps = led_intervals(v, t0)
    # the failure turns the LED on; it toggles every 50 ms for 1.2 s (24 intervals), then the
    # heartbeat starts again: on for 80 ms
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
    assert (out, err) == ("woke True\r\n", "")
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
    c.reset("hard")
    b.wait_telnet_line()
    # both clients are still connected; the drives are still there
    p = c.pin("GP28")
    assert (p["level"], p["outside"]) == (1, True)
    assert c.pin("GP3")["volts"] == 1.1
    c.drive("GP5", "high")
    ev = w.wait_event(event="edge", pin="GP5")
    assert ev["level"] == 1
    c.release("GP28")
    c.trace_stop()
    v = read_vcd(path)                     # one file across the reset, time going on
    assert [lv for _, lv in v.edges("GP5")] == ["1"]
    assert [lv for _, lv in v.edges("GP28")][0] == "1" and v.edges("GP28")[-1][1] == "0"
    assert v.edges("GP28")[-1][0] >= v.edges("GP5")[0][0] >= v.edges("GP28")[0][0]


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
    """The channel's edges as sigrok-cli reads the VCD (downsampled to 1 MHz): [(t_us, level)]."""
    p = subprocess.run(["sigrok-cli", "-I", "vcd:downsample=1000", "-i", path, "-C", channel, "-O", "vcd"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60 * SCALE)
    assert p.returncode == 0, p.stderr
    text = p.stdout.decode()
    m = re.search(r"\$timescale\s+(\d+)\s*(\w+)\s+\$end", text)
    assert m and (m.group(1), m.group(2)) == ("1", "us"), text[:400]
    edges, t, first = [], None, True
    for tok in text.split("$enddefinitions $end", 1)[1].split():
        if tok.startswith("#"):
            t = int(tok[1:])
        elif tok[0] in "01":
            if not first:
                edges.append((t, int(tok[0])))
            first = False
    return edges


@pytest.mark.skipif(shutil.which("sigrok-cli") is None, reason="sigrok-cli is not installed")
def test_pin_toggled_from_python_read_back_with_sigrok(make_board, tmp_path):
    path = str(tmp_path / "toggle.vcd")
    b, c = start(make_board)
    r = repl(b)
    run(r, "from machine import Pin\nimport time\np = Pin('GP10', Pin.OUT, value=0)\nwaits = (3, 5, 8, 13, 21, 34, 55)")
    c.trace_start(path)
    run(r, "for ms in waits:\n    p.toggle()\n    time.sleep_ms(ms)\np.value(0)\n")
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
