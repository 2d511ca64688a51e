"""os.dupterm in board mode (spec §8): a machine.UART (the terminal, as boot.py sets it) or any
Python object with write() (and read() for input) becomes a REPL stream; a stream whose method
raises is deactivated with a message; anything else is a TypeError."""
import time

from conftest import T, friendly_exec

STREAM = (b"exec('class S:\\n def __init__(self): self.n=0; self.out=[]\\n"
          b" def write(self, b): self.out.append(bytes(b))\\n"
          b" def read(self, n):\\n  self.n+=1\\n  return b\\'print(40+2)\\\\r\\' if self.n==3 else None\\n"
          b"class Bad:\\n def write(self, b): raise ValueError(\\'no\\')\\n')")


def test_python_stream_gets_output_and_gives_input(session):
    assert friendly_exec(session, STREAM) == b""
    assert friendly_exec(session, b"import os; s = S(); prev = os.dupterm(s)") == b""
    # the stream's read() is polled: its "print(40+2)\r" is typed into the REPL
    out = session.read_until(b"42\r\n>>> ")
    assert b"print(40+2)\r\n42\r\n>>> " in out, out
    assert friendly_exec(session, b"os.dupterm(prev) is s, s.n >= 3") == b"(True, True)\r\n"
    # what the REPL wrote while s was attached went to s as well
    got = friendly_exec(session, b"print(b'print(40+2)\\r\\n42\\r\\n' in b''.join(s.out))")
    assert got == b"True\r\n", got


def test_stream_that_raises_is_deactivated(session):
    assert friendly_exec(session, STREAM) == b""
    session.write(b"import os; os.dupterm(Bad())\r")
    out = session.read_until(b">>> ")
    assert b"dupterm: exception in the stream's write(), deactivating it:\r\n" in out, out
    assert b"ValueError: no\r\n" in out
    assert friendly_exec(session, b"print(os.dupterm() is None)") == b"True\r\n"
    assert friendly_exec(session, b"print(6*7)") == b"42\r\n"


def test_not_a_stream_is_a_type_error(session):
    out = friendly_exec(session, b"import os; os.dupterm(5)")
    assert out.endswith(b"TypeError: dupterm needs a stream with write() (or None)\r\n"), out
    assert friendly_exec(session, b"print(1)") == b"1\r\n"


def test_terminal_is_uart0_wire(make_board):
    """Detached from the REPL, the terminal is still UART0's wire: what is typed there is read by
    machine.UART(0), and what UART0 sends appears there."""
    b = make_board()
    t = b.telnet()
    t.repl_ready()
    assert friendly_exec(t, b"import os, machine; u = machine.UART(0); prev = os.dupterm(None)") == b""
    b.term.write(b"abc\n")
    end = time.monotonic() + T  # until the board has read the bytes from its terminal
    while friendly_exec(t, b"print(u.any())") != b"4\r\n":
        assert time.monotonic() < end, "UART0 never received the terminal's bytes"
    assert friendly_exec(t, b"print(u.any(), u.read())") == b"4 b'abc\\n'\r\n"
    assert friendly_exec(t, b"u.write(b'to the terminal\\n')") == b"16\r\n"
    b.term.read_until(b"to the terminal\n")
    # attached again, the terminal's bytes are REPL input once more
    assert friendly_exec(t, b"os.dupterm(prev)") == b""
    b.term.write(b"print(5*5)\r")
    b.term.read_until(b"25\r\n")
