"""Peripheral benchmarks (issue 10), against boards on boards/cc3200-test-rig.json:
- real clock: i2c.readfrom_mem(0x68, 117, 1) calls per second (median of 3 runs of 200,000 calls,
  timed on the board with time.ticks_us, which follows the host's clock in real mode);
- virtual clock: uart.write of 1 KB from UART0 to UART1 over the rig's wire at 115200 baud: the
  simulated time it takes (ticks_us) and the host time (median of 5 raw-REPL runs, less the median
  of an empty run)."""
import argparse
import os
import statistics
import time
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "periph"))
import conftest  # noqa: E402  (the board harness)

H = conftest.harness

I2C_LOOP = ("from machine import I2C\n"
            "import time\n"
            "def run(n):\n"
            "    i2c = I2C()\n"
            "    r = i2c.readfrom_mem\n"
            "    t = time.ticks_us()\n"
            "    for _ in range(n):\n"
            "        r(0x68, 117, 1)\n"
            "    return time.ticks_diff(time.ticks_us(), t)\n"
            "print(run(200000))\n")


UART_SETUP = ("from machine import UART\nimport os, time\nos.dupterm(None)\n"
              "a = UART(0, 115200, pins=('GP12', 'GP13'))\nb = UART(1, 115200, pins=('GP16', 'GP17'))\n"
              "data = bytes(1024)\n")
UART_RUN = "t = time.ticks_us()\na.write(data)\nprint(time.ticks_diff(time.ticks_us(), t))\nb.read()\n"


def uart_bench(wipy, d):
    b = H.Board(os.path.join(d, "uv"), args=["--board", conftest.RIG, "--clock", "virtual"], wipy=wipy)
    try:
        t = b.telnet()
        raw = H.RawRepl(t)
        raw.enter()
        raw.exec(UART_SETUP)
        host, empty, sim = [], [], []
        for _ in range(5):
            t0 = time.monotonic()
            out, err = raw.exec(UART_RUN)
            host.append(time.monotonic() - t0)
            assert not err, err
            sim.append(int(out.split()[0]))
            t0 = time.monotonic()
            raw.exec("pass\n")
            empty.append(time.monotonic() - t0)
        t.close()
        return statistics.median(sim) / 1000.0, (statistics.median(host) - statistics.median(empty)) * 1000.0
    finally:
        b.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--markdown")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        b = H.Board(os.path.join(d, "st"), args=["--board", conftest.RIG], wipy=a.wipy)
        try:
            t = b.telnet()
            raw = H.RawRepl(t)
            raw.enter()
            runs = []
            for _ in range(3):
                out, err = raw.exec(I2C_LOOP, timeout=120)
                assert not err, err
                runs.append(int(out.split()[-1]))
            us = sorted(runs)[1]
            rate = 200000 * 1e6 / us
            line = "i2c.readfrom_mem(0x68, 117, 1): %.0f calls/s (median of 3 x 200,000)" % rate
            print(line)
            if a.markdown:
                with open(a.markdown, "a") as f:
                    f.write("| i2c.readfrom_mem(0x68, 117, 1) loop | %.0f calls/s |\n" % rate)
            t.close()
        finally:
            b.kill()
        sim_ms, host_ms = uart_bench(a.wipy, d)
        print("uart.write(1 KB) over a wire at 115200 baud, --clock virtual: %.1f ms simulated, %.1f ms host"
              % (sim_ms, host_ms))
        if a.markdown:
            with open(a.markdown, "a") as f:
                f.write("| uart.write(1 KB) UART0->UART1 at 115200, virtual clock | %.1f ms simulated, %.1f ms host |\n"
                        % (sim_ms, host_ms))
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()
