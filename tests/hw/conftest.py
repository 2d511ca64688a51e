"""Harness of the simulated-hardware suite (issue 9): the board-mode harness of tests/board
(Board, Telnet, RawRepl; loaded under another name, both files being conftest.py) plus `rig`: a
board on boards/cc3200-test-rig.json with a logged-in raw REPL over telnet, and `run(code)`."""
import importlib.util
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("board_harness", os.path.join(ROOT, "tests", "board", "conftest.py"))
harness = importlib.util.module_from_spec(_spec)
sys.modules["board_harness"] = harness
_spec.loader.exec_module(harness)

RIG = os.path.join(ROOT, "boards", "cc3200-test-rig.json")
BARE = os.path.join(ROOT, "boards", "wipy.json")
T = harness.T
SCALE = harness.SCALE


class Session:
    """A board and a raw REPL on it over telnet."""

    def __init__(self, board):
        self.board = board
        self.t = board.telnet()
        self.raw = harness.RawRepl(self.t)
        self.raw.enter()

    def run(self, code, timeout=None):
        """Runs code; returns stdout+stderr text (the traceback after the output)."""
        out, err = self.raw.exec(code, timeout)
        return (out + err).decode().replace("\r\n", "\n")

    def close(self):
        self.t.close()


@pytest.fixture
def make_board(tmp_path):
    started = []

    def start(state=None, **kw):
        if state is None:
            state = tmp_path / ("state%d" % len(started))
        b = harness.Board(state, **kw)
        started.append(b)
        return b

    yield start
    reports = []
    for b in started:
        b.kill()
        rep = b.sanitizer_report()
        if rep:
            reports.append(rep)
    assert not reports, "sanitizer report on the board's stderr:\n" + reports[0][-4000:]


@pytest.fixture
def make_session(make_board):
    sessions = []

    def start(args=(), **kw):
        s = Session(make_board(args=list(args), **kw))
        sessions.append(s)
        return s

    yield start
    for s in sessions:
        s.close()


@pytest.fixture
def rig(make_session):
    """The cc3200 test rig (GP12-GP17, GP13-GP16) under the virtual clock."""
    return make_session(["--board", RIG, "--clock", "virtual"])
