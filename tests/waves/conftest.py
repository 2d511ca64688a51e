"""Harness of the bus-waveform suite (issue 10 item 9): the shared board harness (tests/harness.py:
boards, raw-REPL sessions, the cc3200 test rig), a `traced` board under the virtual clock whose
trace is started and stopped through the control interface around the code under test,
sigrok-cli's decoders on the VCD it wrote, and the shared VCD reader (tests/vcd.py) for timing."""
import re
import subprocess

import pytest

from harness import RIG, ROOT, T, make_board, make_session  # noqa: F401
from vcd import changes01 as vcd_changes, level_at, rises_or_falls as edges  # noqa: F401

ANNOTATION = re.compile(r"^[a-z0-9]+-\d+: (.*)$")


class Traced:
    """A board on the rig under the virtual clock with a raw REPL and a control client."""

    def __init__(self, session, tmp_path):
        self.s = session
        self.c = session.board.control_client()
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
