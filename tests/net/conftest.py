"""Harness of the network suite (issue 12): script-mode runs of build/wipy with real peers
(CPython sockets, openssl s_server/s_client) on loopback, and board-mode processes through the
shared board harness (tests/harness.py: make_board, board, RawRepl).

- Script: build/wipy running a program; its stdout is read line by line with bounded waits, so a
  test can hand a port the board printed to a CPython peer, then read what the board says next.
Every wait is bounded and multiplied by $BOARD_TIMEOUT_SCALE (the ASan build is slower)."""
import subprocess
import threading
import time

import pytest

from harness import SCALE, T, RawRepl, board, make_board, wipy_path  # noqa: F401


class Script:
    """build/wipy running `code` (script mode); stdout+stderr merged and read with bounded waits."""

    def __init__(self, code, args=(), cwd=None):
        self.proc = subprocess.Popen([wipy_path(), *args, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd)
        self.lines = []
        self.cond = threading.Condition()
        self.done = False
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.decode(errors="replace").rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.done = True
            self.cond.notify_all()

    def line(self, timeout=None):
        """The next line of output (fails if none comes in time)."""
        end = time.monotonic() + (timeout or T)
        with self.cond:
            while not self.lines:
                left = end - time.monotonic()
                if self.done or left <= 0:
                    raise AssertionError("no line from the board (done=%s)" % self.done)
                self.cond.wait(left)
            return self.lines.pop(0)

    def finish(self, timeout=None):
        """(exit status, the remaining output lines)."""
        try:
            rc = self.proc.wait(timeout or T)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        with self.cond:
            while not self.done:
                self.cond.wait(1)
            rest, self.lines = self.lines, []
        return rc, rest

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def script():
    started = []

    def start(code, **kw):
        s = Script(code, **kw)
        started.append(s)
        return s

    yield start
    for s in started:
        s.kill()


def run(code, timeout=None, args=()):
    """Runs code to its end; (status, output)."""
    p = subprocess.run([wipy_path(), *args, "-c", code], capture_output=True, timeout=timeout or T)
    return p.returncode, (p.stdout + p.stderr).decode(errors="replace")

