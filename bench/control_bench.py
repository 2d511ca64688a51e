#!/usr/bin/env python3
"""Control-interface benchmarks (issue 9): an edge driven through the control interface reaching a
Python irq handler under --clock real (median of N): the handler answers by toggling another pin
and the time is from sending the request to receiving that pin's edge event, so the figure is a
full round trip (an upper bound of the one-way latency); with Python busy in a loop, and with it
waiting in machine.idle(). Then pin writes per second from a Python loop, with the trace off and
on (--vcd). Prints a table; --markdown FILE appends it. No figure is checked against a limit."""
import argparse
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from harness import CONTROL_LINE, Board, Control, RawRepl  # noqa: E402

SETUP = ("from machine import Pin\nimport machine\n"
         "out = Pin('GP11', Pin.OUT, value=0)\n"
         "def h(p):\n    out.toggle()\n"
         "inp = Pin('GP10', Pin.IN, Pin.PULL_DOWN)\n"
         "inp.irq(trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING, handler=h)\n")
LOOPS = {
    "busy": "while True:\n    pass\n",
    "idle": "while True:\n    machine.idle()\n",
}


def board(state, wipy, *extra):
    b = Board(state, args=["--control", "127.0.0.1:0", "--clock", "real"] + list(extra), wipy=wipy)
    m = b.term.read_regex(CONTROL_LINE)
    return b, int(m.group(2))


def raw(b):
    t = b.telnet()
    t.repl_ready()
    r = RawRepl(t)
    r.enter()
    return r


def irq_latency(wipy, n, loop):
    with tempfile.TemporaryDirectory() as d:
        b, port = board(os.path.join(d, "s"), wipy)
        try:
            r = raw(b)
            out, err = r.exec(SETUP)
            assert err == b"", err
            r.io.write(LOOPS[loop].encode() + b"\x04")   # runs until we stop the board
            assert r.io.read_exact(2) == b"OK"
            c = Control(port)
            c.subscribe(["edge"], pins=["GP11"])
            times = []
            level = 0
            for _ in range(n):
                level ^= 1
                t0 = time.perf_counter()
                c.send_line('{"cmd":"pin.drive","pin":"GP10","level":%d}\n' % level)
                ev = c.wait_event(event="edge", pin="GP11")
                times.append(time.perf_counter() - t0)
                c.read_reply()
            c.close()
            return times
        finally:
            b.kill()


def cpu_seconds(pid):
    """CPU time the process's threads have run so far (schedstat, in ns: on a loaded machine the
    wall time of a loop says more about the other processes than about the board)."""
    total = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
            total += int(f.read().split()[0])
    return total / 1e9


def pin_writes(wipy, n, trace):
    with tempfile.TemporaryDirectory() as d:
        extra = ["--vcd", os.path.join(d, "t.vcd")] if trace else []
        b, port = board(os.path.join(d, "s"), wipy, *extra)
        try:
            r = raw(b)
            code = ("from machine import Pin\nimport time\np = Pin('GP12', Pin.OUT)\nv = p.value\n"
                    "t0 = time.ticks_us()\nfor i in range(%d):\n    v(1)\n    v(0)\n"
                    "print(time.ticks_diff(time.ticks_us(), t0))\n" % n)
            cpu0 = cpu_seconds(b.pid)
            out, err = r.exec(code, timeout=120)
            cpu = cpu_seconds(b.pid) - cpu0
            assert err == b"", err
            us = int(out.strip())
            c = Control(port)
            edges = c.history("GP12", 1)["total"]
            assert edges == 2 * n, edges
            c.close()
            return 2 * n / (us / 1e6), 2 * n / cpu
        finally:
            b.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--writes", type=int, default=1000000)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    lines = ["| control benchmark | n | median | min | max |", "|---|---|---|---|---|"]
    print("%-60s %6s %10s %10s %10s" % ("control benchmark", "n", "median", "min", "max"))
    for loop in ("busy", "idle"):
        xs = irq_latency(args.wipy, args.n, loop)
        name = "edge via control -> irq handler -> edge event back, Python %s" % (
            "in a busy loop" if loop == "busy" else "in machine.idle()")
        med, lo, hi = statistics.median(xs) * 1e3, min(xs) * 1e3, max(xs) * 1e3
        print("%-60s %6d %7.3f ms %7.3f ms %7.3f ms" % (name, len(xs), med, lo, hi))
        lines.append("| %s | %d | %.3f ms | %.3f ms | %.3f ms |" % (name, len(xs), med, lo, hi))
    for trace in (False, True):
        runs = [pin_writes(args.wipy, args.writes // 2, trace) for _ in range(3)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        name = "pin writes/s from a Python loop, trace %s" % ("on (--vcd)" if trace else "off")
        print("%-60s %6d %7.2f M/s (wall) %7.2f M/s (per CPU second)" % (name, args.writes, wall / 1e6, cpu / 1e6))
        lines.append("| %s, median of 3 | %d | %.2f M/s wall, %.2f M/s per CPU second | | |" % (
            name, args.writes, wall / 1e6, cpu / 1e6))
    lines.append("")
    lines.append("Load average while measuring: %.1f (%d cores)." % (os.getloadavg()[0], os.cpu_count()))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
