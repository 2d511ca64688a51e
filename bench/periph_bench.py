"""Peripheral benchmarks (issue 10), against boards on boards/cc3200-test-rig.json:
- i2c.readfrom_mem(0x68, 117, 1) calls per second of host time (median of 3 runs of 200,000 calls,
  timed from the host around the raw-REPL run, less a run of 0 calls), under --clock real and
  --clock virtual with the trace off, and under --clock real with the trace on (--vcd into a
  temporary file; 20,000 calls): each call also takes the bus's time at 100 kHz on the board's
  clock (39 bit periods: 390 us, time.ticks_us per call under the virtual clock; under the real
  clock that figure adds the host's time), which costs no host time;
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
sys.path.insert(0, os.path.join(ROOT, "tests"))
import harness as H  # noqa: E402  (the board harness)


I2C_SETUP = ("from machine import I2C\n"
             "import time\n"
             "def run(n):\n"
             "    i2c = I2C()\n"
             "    r = i2c.readfrom_mem\n"
             "    t = time.ticks_us()\n"
             "    for _ in range(n):\n"
             "        r(0x68, 117, 1)\n"
             "    return time.ticks_diff(time.ticks_us(), t)\n")


def i2c_bench(wipy, d, name, args, calls):
    """(host calls/s, simulated us per call) for a board started with args."""
    b = H.Board(os.path.join(d, name), args=["--board", H.RIG] + args, wipy=wipy)
    try:
        t = b.telnet()
        raw = H.RawRepl(t)
        raw.enter()
        raw.exec(I2C_SETUP)
        host, sim = [], []
        for _ in range(3):
            t0 = time.monotonic()
            raw.exec("run(0)\n")
            empty = time.monotonic() - t0
            t0 = time.monotonic()
            out, err = raw.exec("print(run(%d))\n" % calls, timeout=300)
            host.append(time.monotonic() - t0 - empty)
            assert not err, err
            sim.append(int(out.split()[-1]))
        t.close()
        return calls / statistics.median(host), statistics.median(sim) / calls
    finally:
        b.kill()


UART_SETUP = ("from machine import UART\nimport os, time\nos.dupterm(None)\n"
              "a = UART(0, 115200, pins=('GP12', 'GP13'))\nb = UART(1, 115200, pins=('GP16', 'GP17'))\n"
              "data = bytes(1024)\n")
UART_RUN = "t = time.ticks_us()\na.write(data)\nprint(time.ticks_diff(time.ticks_us(), t))\nb.read()\n"


def uart_bench(wipy, d):
    b = H.Board(os.path.join(d, "uv"), args=["--board", H.RIG, "--clock", "virtual"], wipy=wipy)
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
        # the trace writes ~200 lines a call (SDA is on a 3-pin net on the rig): fewer calls
        runs = [("real clock, trace off", ["--clock", "real"], 200000),
                ("virtual clock, trace off", ["--clock", "virtual"], 200000),
                ("real clock, trace on", ["--clock", "real", "--vcd", os.path.join(d, "i2c.vcd")], 20000)]
        for i, (what, args, calls) in enumerate(runs):
            rate, sim_us = i2c_bench(a.wipy, d, "i2c%d" % i, args, calls)
            line = "i2c.readfrom_mem(0x68, 117, 1), %s: %.0f calls/s of host time, %.1f us simulated per call" % (
                what, rate, sim_us)
            print(line)
            if a.markdown:
                with open(a.markdown, "a") as f:
                    f.write("| i2c.readfrom_mem(0x68, 117, 1) loop, %s | %.0f calls/s host, %.1f us simulated each |\n"
                            % (what, rate, sim_us))
        sim_ms, host_ms = uart_bench(a.wipy, d)
        print("uart.write(1 KB) over a wire at 115200 baud, --clock virtual: %.1f ms simulated, %.1f ms host"
              % (sim_ms, host_ms))
        if a.markdown:
            with open(a.markdown, "a") as f:
                f.write("| uart.write(1 KB) UART0->UART1 at 115200, virtual clock | %.1f ms simulated, %.1f ms host |\n"
                        % (sim_ms, host_ms))
    print("4 passed, 0 failed")


if __name__ == "__main__":
    main()
