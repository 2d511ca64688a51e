"""Harness of the control suite (docs/control-protocol.md): real board processes started with
`--control 127.0.0.1:0` on temporary state directories, driven through tools/wipyctl's Control
client; the board suite's harness (tests/board/conftest.py: Board, Telnet, RawRepl, make_board)
is reused as it is. A VCD reader for the traces the tests record."""
import importlib.util
import os
import re
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))

_spec = importlib.util.spec_from_file_location("board_harness", os.path.join(ROOT, "tests", "board", "conftest.py"))
board_harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(board_harness)
sys.modules["board_harness"] = board_harness

from board_harness import PROMPT, SCALE, T, RawRepl, make_board, wipy  # noqa: E402,F401  (fixtures)
from wipyctl import Control, ControlError  # noqa: E402,F401

CONTROL_LINE = re.compile(rb"Control on ([0-9.]+):(\d+)\r*\n")
RIGS = os.path.join(ROOT, "boards")


def start(make_board, *args, clock="virtual", **kw):
    """A board with a control server (and the given options); returns (board, Control)."""
    opts = ["--control", "127.0.0.1:0"]
    if clock is not None:
        opts += ["--clock", clock]
    b = make_board(args=opts + list(args), **kw)
    m = b.term.read_regex(CONTROL_LINE)
    b.control_port = int(m.group(2))
    c = Control(b.control_port, timeout=T)
    b.controls = [c]
    return b, c


def repl(board):
    """A raw-REPL session over telnet (logged in, at the raw prompt)."""
    t = board.telnet()
    t.repl_ready()
    r = RawRepl(t)
    r.enter()
    return r


def run(r, code, timeout=None):
    """Runs code in the raw REPL; returns stdout as text; a traceback fails the test."""
    out, err = r.exec(code, timeout)
    assert err == b"", err.decode(errors="replace")
    return out.decode()


class Vcd:
    """A parsed VCD file: signals by name (scope ignored), their changes [(t, value)], the
    timescale in ns, the header's keywords."""

    def __init__(self, text):
        self.text = text
        self.ids = {}       # identifier code -> name
        self.widths = {}
        self.changes = {}   # name -> [(t_ns, value)], value '0' '1' 'x' 'z' or 'b...' or float
        self.timescale_ns = None
        self.end_ns = None
        self.stamps = []    # every time stamp, in file order (ns)
        tokens = text.split()
        i = 0
        t = None
        while i < len(tokens):
            tok = tokens[i]
            if tok == "$var":
                j = tokens.index("$end", i)
                kind, width, code, name = tokens[i + 1:i + 5]
                self.ids[code] = name
                self.widths[name] = 0 if kind == "real" else int(width)
                self.changes[name] = []
                i = j + 1
            elif tok == "$timescale":
                j = tokens.index("$end", i)
                spec = "".join(tokens[i + 1:j])
                m = re.fullmatch(r"(1|10|100)(s|ms|us|ns|ps|fs)", spec)
                assert m, spec
                unit = {"s": 1e9, "ms": 1e6, "us": 1e3, "ns": 1, "ps": 1e-3, "fs": 1e-6}[m.group(2)]
                self.timescale_ns = int(m.group(1)) * unit
                i = j + 1
            elif tok in ("$date", "$version", "$comment", "$scope", "$upscope", "$enddefinitions"):
                i = tokens.index("$end", i) + 1
            elif tok in ("$dumpvars", "$end", "$dumpall", "$dumpon", "$dumpoff"):
                i += 1
            elif tok.startswith("#"):
                t = int(tok[1:]) * self.timescale_ns
                self.end_ns = t
                self.stamps.append(t)
                i += 1
            elif tok[0] in "bBrR":
                code = tokens[i + 1]
                v = float(tok[1:]) if tok[0] in "rR" else "b" + tok[1:]
                self.changes[self.ids[code]].append((t, v))
                i += 2
            else:
                self.changes[self.ids[tok[1:]]].append((t, tok[0]))
                i += 1

    def edges(self, name):
        """[(t_ns, level)] of a 1-bit signal's changes after its initial value (a value written
        again unchanged, as when a dump resumes after a reset, is not an edge)."""
        out, last = [], self.changes[name][0][1]
        for t, v in self.changes[name][1:]:
            if v != last:
                out.append((t, v))
            last = v
        return out

    def initial(self, name):
        return self.changes[name][0][1]


def read_vcd(path):
    with open(path) as f:
        return Vcd(f.read())
