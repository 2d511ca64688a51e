"""The raw REPL and raw-paste mode over a pty, byte for byte as pyboard.py/mpremote expect (spec §9)."""
from test_cli import Repl, repl  # noqa: F401  (the fixture)


def test_raw_repl_exec(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"print(1 + 1)\x04", wait_for=b"\x04>")
    assert repl.out == b"OK2\r\n\x04\x04>"


def test_raw_repl_error_goes_after_first_eof(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"print('x')\n1/0\x04", wait_for=b"\x04>")
    out = repl.out
    assert out.startswith(b"OKx\r\n\x04Traceback (most recent call last):\r\n")
    assert out.endswith(b"TypeError: unsupported types for __truediv__: 'int', 'int'\r\n\x04>")


def test_raw_repl_syntax_error(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"def (\x04", wait_for=b"\x04>")
    assert repl.out.startswith(b"OK\x04Traceback")
    assert b"SyntaxError: invalid syntax\r\n\x04>" in repl.out


def test_raw_repl_ctrl_c_clears_and_ctrl_a_restarts(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"print('lost')\x03print('kept')\x04", wait_for=b"\x04>")
    assert repl.out == b"OKkept\r\n\x04\x04>"
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")


def test_raw_repl_ctrl_b_back_to_friendly(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"\x02", wait_for=b">>> ")
    repl.send(b"print(5)\r", wait_for=b"5\r\n>>> ")


def test_raw_paste(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"\x05A\x01", wait_for=b"R\x01")
    assert repl.read_until(b"R\x01\x80\x00")
    code = b"for i in range(3):\n    print(i)\n" + b"# " + b"x" * 400 + b"\n"
    repl.out = b""
    import os
    os.write(repl.fd, code)
    # one \x01 per full window of 128 bytes consumed
    windows = len(code) // 128
    assert repl.read_until(b"\x01" * windows), repl.out
    assert repl.out == b"\x01" * windows
    repl.send(b"\x04", wait_for=b"\x04>")
    assert repl.out.endswith(b"\x040\r\n1\r\n2\r\n\x04\x04>"), repl.out


def test_raw_repl_state_persists(repl):
    repl.send(b"\x01", wait_for=b"raw REPL; CTRL-B to exit\r\n>")
    repl.send(b"a = 41\x04", wait_for=b"\x04>")
    repl.send(b"print(a + 1)\x04", wait_for=b"\x04>")
    assert repl.out == b"OK42\r\n\x04\x04>"
