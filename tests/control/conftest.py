"""Harness of the control suite (docs/control-protocol.md): real board processes started with
`--control 127.0.0.1:0` on temporary state directories, driven through tools/wipyctl's Control
client; the shared board harness (tests/harness.py) and VCD reader (tests/vcd.py)."""
from harness import PROMPT, ROOT, SCALE, T, Control, ControlError, RawRepl, Session, exec_ok, make_board  # noqa: F401
from vcd import read_vcd  # noqa: F401

run = exec_ok  # run(r, code): stdout as text; a traceback fails the test


def start(make_board, *args, clock="virtual", **kw):
    """A board with a control server (and the given options); returns (board, Control)."""
    opts = ["--control", "127.0.0.1:0"]
    if clock is not None:
        opts += ["--clock", clock]
    b = make_board(args=opts + list(args), **kw)
    return b, b.control_client()


def repl(board):
    """A raw-REPL session over telnet (logged in, at the raw prompt)."""
    return Session(board, ready=True).raw
