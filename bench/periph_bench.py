"""Peripheral benchmarks (issue 10), against a board on boards/cc3200-test-rig.json under the real
clock: i2c.readfrom_mem(0x68, 117, 1) calls per second (median of 3 runs of 200,000 calls, timed
on the board with time.ticks_us, which follows the host's clock in real mode)."""
import argparse
import os
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
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
