#!/usr/bin/env python3
"""Simulated-hardware benchmarks (issue 9): `p.value(1); p.value(0)` written literally in a Python
loop (pin writes per second, --clock real, no trace; bench/control_bench.py measures the trace's
cost), a pin write through a wire to a second pin, and one simulated hour of an idle board under
--clock virtual (time.sleep(3600): 900 heartbeats) in host seconds. Prints a table; --markdown FILE
appends it. No figure is checked against a limit."""
import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from harness import Board, RawRepl  # noqa: E402

RIG = os.path.join(ROOT, "boards", "cc3200-test-rig.json")


def session(d, wipy, *args):
    b = Board(os.path.join(d, "s"), args=list(args), wipy=wipy)
    t = b.telnet()
    t.repl_ready()
    r = RawRepl(t)
    r.enter()
    return b, r


def pin_writes(wipy, n, pin):
    with tempfile.TemporaryDirectory() as d:
        b, r = session(d, wipy, "--board", RIG, "--clock", "real")
        try:
            code = ("from machine import Pin\nimport time\np = Pin('%s', Pin.OUT)\n"
                    "t0 = time.ticks_us()\nfor i in range(%d):\n    p.value(1); p.value(0)\n"
                    "print(time.ticks_diff(time.ticks_us(), t0))\n" % (pin, n))
            out, err = r.exec(code, timeout=300)
            assert err == b"", err
            return 2 * n / (int(out) / 1e6)
        finally:
            b.kill()


def idle_hour(wipy):
    with tempfile.TemporaryDirectory() as d:
        b, r = session(d, wipy, "--clock", "virtual")
        try:
            t0 = time.perf_counter()
            out, err = r.exec("import time\nt0 = time.ticks_ms()\ntime.sleep(3600)\n"
                              "print(time.ticks_diff(time.ticks_ms(), t0))\n", timeout=300)
            host = time.perf_counter() - t0
            assert err == b"" and int(out) == 3600000, (out, err)
            return host
        finally:
            b.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--writes", type=int, default=2000000)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    lines = ["| simulated hardware benchmark | figure |", "|---|---|"]
    rows = []
    for pin, what in (("GP22", "an unwired pin"), ("GP17", "GP17, wired to GP12")):
        best = max(pin_writes(args.wipy, args.writes // 2, pin) for _ in range(3))
        rows.append(("`p.value(1); p.value(0)` loop, %s, --clock real, no trace (best of 3)" % what,
                     "%.2f M pin writes/s" % (best / 1e6)))
    best = min(idle_hour(args.wipy) for _ in range(3))
    rows.append(("one simulated hour of an idle board (time.sleep(3600), 900 heartbeats), --clock virtual "
                 "(best of 3, incl. the raw-REPL round trip)", "%.3f s host time" % best))
    for name, fig in rows:
        print("%-100s %s" % (name, fig))
        lines.append("| %s | %s |" % (name, fig))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
