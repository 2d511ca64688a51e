"""UARTs on the host (issue 10), real clock:
- the raw REPL's round trip over a `--uart0 pty` (exec of `1`, the client as pyboard.py's
  sequence: code, Ctrl-D, OK, output up to the closing '>'), median of 500;
- bytes per second from Python's UART1.write (1 KiB writes, no pins: no wire time) to a TCP peer,
  and from the peer to Python's UART1.read (the 256-byte ring refilled from the host as it
  drains), 256 KiB each way, timed on the host from the request to the last byte."""
import argparse
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "tests", "uart_host"))
import conftest  # noqa: E402  (the board harness and the pty client)

H = conftest.harness
N = 256 * 1024


def pty_round_trip(wipy, d):
    b = H.Board(os.path.join(d, "p"), args=["--uart0", "pty"], wipy=wipy)
    try:
        p = conftest.PtyClient(conftest.exposures(b)[0])
        raw = H.RawRepl(p, use_paste=False)
        raw.enter()
        times = []
        for _ in range(500):
            t = time.perf_counter()
            p.write(b"1\x04")
            assert p.read_exact(2) == b"OK"
            p.read_until(b"\x04\x04>")
            times.append(time.perf_counter() - t)
        p.close()
        return statistics.median(times) * 1000, min(times) * 1000
    finally:
        b.kill()


def tcp_throughput(wipy, d):
    b = H.Board(os.path.join(d, "t"), args=["--uart1", "tcp:127.0.0.1:0"], wipy=wipy)
    try:
        s = conftest.Session(b)
        s.run("from machine import UART\nu = UART(1, 3000000, pins=(None, None))\nchunk = bytes(1024)\n")
        peer = H.Telnet(conftest.exposures(b)[1][1])
        t = time.perf_counter()
        s.raw.io.write(b"for i in range(%d): u.write(chunk)\x04" % (N // 1024))
        assert s.raw.io.read_exact(2) == b"OK"
        got, deadline = 0, time.monotonic() + 120
        while got < N and time.monotonic() < deadline:
            peer._fill(1.0)
            got += len(peer.buf)
            peer.buf.clear()
        out_rate = got / (time.perf_counter() - t)
        assert got == N, got
        s.raw.io.read_until(b"\x04\x04>")
        peer.send(bytes(N))
        t = time.perf_counter()
        out = s.run("n = 0\nwhile n < %d:\n    d = u.read()\n    if d:\n        n += len(d)\nprint(n)\n" % N,
                    timeout=120)
        in_rate = N / (time.perf_counter() - t)
        assert out == "%d\n" % N, out
        peer.close()
        s.close()
        return out_rate, in_rate
    finally:
        b.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--markdown")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        med, low = pty_round_trip(a.wipy, d)
        print("raw REPL round trip over the UART0 pty: median %.3f ms, min %.3f ms (500)" % (med, low))
        out_rate, in_rate = tcp_throughput(a.wipy, d)
        print("UART1 over TCP: Python -> peer %.2f MB/s, peer -> Python %.2f MB/s (256 KiB each)"
              % (out_rate / 1e6, in_rate / 1e6))
        if a.markdown:
            with open(a.markdown, "a") as f:
                f.write("| raw REPL round trip over the `--uart0 pty` (exec of `1`) | median %.3f ms, min %.3f ms |\n"
                        % (med, low))
                f.write("| UART1 on TCP, 256 KiB each way | Python → peer %.2f MB/s, peer → Python %.2f MB/s |\n"
                        % (out_rate / 1e6, in_rate / 1e6))
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()
