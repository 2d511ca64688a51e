"""Harness of the bus-waveform suite (issue 10 item 9): the fixtures of tests/hw (boards, raw-REPL
sessions, the cc3200 test rig), a `traced` board under the virtual clock whose trace is started and
stopped through the control interface around the code under test, sigrok-cli's decoders on the
VCD it wrote, and a small VCD reader for timing."""
import importlib.util
import os
import re
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("hw_harness", os.path.join(ROOT, "tests", "hw", "conftest.py"))
hw = importlib.util.module_from_spec(_spec)
sys.modules["hw_harness"] = hw
_spec.loader.exec_module(hw)
sys.path.insert(0, os.path.join(ROOT, "tools"))
from wipyctl import Control  # noqa: E402

make_board = hw.make_board
make_session = hw.make_session
RIG = hw.RIG
T = hw.T

CONTROL_LINE = re.compile(rb"Control on ([0-9.]+):(\d+)\r*\n")
ANNOTATION = re.compile(r"^[a-z0-9]+-\d+: (.*)$")


class Traced:
    """A board on the rig under the virtual clock with a raw REPL and a control client."""

    def __init__(self, session, tmp_path):
        self.s = session
        term = session.board.term
        m = CONTROL_LINE.search(bytes(term.buf)) or term.read_regex(CONTROL_LINE)
        self.c = Control(int(m.group(2)), timeout=T)
        self.tmp = tmp_path
        self.n = 0
        self.s.run("import time\n")

    def run(self, code):
        return self.s.run(code)

    def trace(self, code):
        """Runs code with the trace on, the buses idle for 1 ms before and after it (sigrok takes
        a dump's first instant for the initial levels); returns (output, VCD path)."""
        self.n += 1
        path = str(self.tmp / ("trace%d.vcd" % self.n))
        self.c.trace_start(path)
        try:
            out = self.s.run("time.sleep_ms(1)\n" + code + "time.sleep_ms(1)\n")
        finally:
            self.c.trace_stop()
        return out, path


@pytest.fixture
def traced(make_session, tmp_path):
    t = Traced(make_session(["--board", RIG, "--clock", "virtual", "--control", "127.0.0.1:0"]), tmp_path)
    yield t
    t.c.close()


def sigrok(path, decoder, annotations):
    """The annotation texts sigrok-cli's decoder gives for the VCD, in order ("Start", "48", ...).
    At full rate (1 ns a sample): with downsample=, sigrok-cli 0.5.2 reads every line as 0 from
    time 0 to the dump's first stamp, so a line idling high gets a false rising edge there."""
    r = subprocess.run(["sigrok-cli", "-I", "vcd", "-i", path, "-P", decoder,
                        "-A", annotations], capture_output=True, timeout=120)
    assert r.returncode == 0 and not r.stderr, (r.returncode, r.stderr.decode())
    texts = []
    for line in r.stdout.decode().splitlines():
        m = ANNOTATION.match(line)
        assert m, line
        texts.append(m.group(1))
    return texts


def vcd_changes(path, name):
    """[(time ns, level)] of the 1-bit signal `name` in the VCD, initial value included."""
    ident = None
    out = []
    t = 0
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("$var"):
                parts = line.split()
                if parts[4] == name:
                    ident = parts[3]
            elif line.startswith("#"):
                t = int(line[1:])
            elif ident is not None and line[:1] in ("0", "1") and line[1:] == ident:
                out.append((t, int(line[0])))
    return out


def edges(path, name, level):
    """Times at which the signal went to `level` (after the initial value)."""
    ch = vcd_changes(path, name)
    return [t for (t, v), (_, pv) in zip(ch[1:], ch) if v == level and pv != level]


def level_at(changes, t):
    """The level at time t (changes at t included) from vcd_changes' list."""
    lo, hi = 0, len(changes)
    while lo < hi:  # the first change after t
        mid = (lo + hi) // 2
        if changes[mid][0] <= t:
            lo = mid + 1
        else:
            hi = mid
    return changes[lo - 1][1] if lo > 0 else None
