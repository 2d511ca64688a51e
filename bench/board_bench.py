#!/usr/bin/env python3
"""Board-mode benchmarks (issue 5): time from process start to the first `>>> ` over telnet (login
included), median of N boots; round-trip time of `print(1)` through the raw REPL over telnet,
median of 1,000 (plain raw and raw-paste). Prints a table; --markdown FILE writes it too.
Uses the clients of tests/harness.py. No figure is checked against a limit."""
import argparse
import os
import socket
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from harness import PROMPT, RAW_BANNER, Board, Telnet  # noqa: E402


def boot_to_prompt(wipy, runs):
    times = []
    with tempfile.TemporaryDirectory() as d:
        for i in range(runs):
            # a fresh state directory every other run: first boot (formatting) and a normal boot
            state = os.path.join(d, "s%d" % (i // 2))
            t0 = time.perf_counter()
            b = Board(state, wipy=wipy)
            try:
                t = Telnet(b.port)
                t.login()
                t.read_until(PROMPT)
                times.append(time.perf_counter() - t0)
                t.close()
            finally:
                b.kill()
    return times


def raw_rtt(wipy, n, paste, nodelay=True):
    with tempfile.TemporaryDirectory() as d:
        b = Board(os.path.join(d, "s"), wipy=wipy)
        try:
            t = Telnet(b.port)
            t.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if nodelay else 0)
            t.repl()
            t.send(b"\x01")
            t.read_until(RAW_BANNER)
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                if paste:
                    t.send(b"\x05A\x01")
                    assert t.read_exact(4)[:2] == b"R\x01"  # then the window (2 bytes)
                    t.send(b"print(1)")  # as pyboard.py: the code, then the end in a write of its own
                    t.send(b"\x04")
                    t.read_until(b"\x04")
                    out = t.read_until(b"\x04>")
                    assert out == b"1\r\n\x04\x04>", out
                else:
                    t.send(b"print(1)")
                    t.send(b"\x04")
                    out = t.read_until(b"\x04>")
                    assert out == b"OK1\r\n\x04\x04>", out
                times.append(time.perf_counter() - t0)
            t.close()
            return times
        finally:
            b.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--boots", type=int, default=20)
    ap.add_argument("--rtt", type=int, default=1000)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    rows = []
    boots = boot_to_prompt(args.wipy, args.boots)
    rows.append(("start to first `>>> ` over telnet (login incl.)", boots, "ms", 1e3))
    for paste in (False, True):
        rtt = raw_rtt(args.wipy, args.rtt, paste)
        rows.append(("raw REPL `print(1)` round trip%s" % (", raw-paste" if paste else ""), rtt, "ms", 1e3))
    # a client that leaves Nagle's algorithm on, as telnetlib (pyboard.py) does
    rtt = raw_rtt(args.wipy, max(1, args.rtt // 10), False, nodelay=False)
    rows.append(("raw REPL round trip, client with Nagle (as pyboard.py)", rtt, "ms", 1e3))
    print("%-52s %6s %10s %10s %10s" % ("board benchmark", "n", "median", "min", "max"))
    lines = ["| board benchmark | n | median | min | max |", "|---|---|---|---|---|"]
    for name, xs, unit, k in rows:
        med, lo, hi = statistics.median(xs) * k, min(xs) * k, max(xs) * k
        print("%-52s %6d %7.3f %s %7.3f %s %7.3f %s" % (name, len(xs), med, unit, lo, unit, hi, unit))
        lines.append("| %s | %d | %.3f %s | %.3f %s | %.3f %s |" % (name, len(xs), med, unit, lo, unit, hi, unit))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
