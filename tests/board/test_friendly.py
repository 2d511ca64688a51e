"""The friendly REPL of the board (spec §9) on its two kinds of stream: the terminal (a pty on
stdin/stdout, which boot.py's os.dupterm(machine.UART(0, 115200)) makes a REPL stream) and a
logged-in telnet session. History, auto-indent, paste mode, Ctrl-A/B/C/D/E, input(), help()."""
import time

import pytest

from conftest import PROMPT, RAW_BANNER, SCALE, friendly_exec


@pytest.fixture(params=["pty", "telnet"])
def repl(request, make_board):
    """A stream at the friendly prompt: the board's pty terminal, or a telnet session."""
    if request.param == "pty":
        b = make_board(use_pty=True)
        b.term.read_until(PROMPT)
        return b.term
    b = make_board()
    return b.telnet(login=False).repl()


def test_expression_and_state(repl):
    assert friendly_exec(repl, b"x = 6") == b""
    assert friendly_exec(repl, b"x * 7") == b"42\r\n"
    assert friendly_exec(repl, b"None") == b""


def test_history_up_arrow(repl):
    friendly_exec(repl, b"a = 3")
    assert friendly_exec(repl, b"a * 11") == b"33\r\n"
    repl.write(b"\x1b[A\r")
    assert repl.read_until(PROMPT).endswith(b"33\r\n>>> ")
    friendly_exec(repl, b"a = 4")
    # up, up: 'a * 11' again (the recalled line went to the history too)
    repl.write(b"\x1b[A\x1b[A\r")
    assert repl.read_until(PROMPT).endswith(b"44\r\n>>> ")


def test_history_keeps_eight(repl):
    for i in range(10):
        friendly_exec(repl, b"%d" % (i + 100))
    repl.write(b"\x1b[A" * 8 + b"\r")
    assert repl.read_until(PROMPT).endswith(b"\r\n102\r\n>>> ")
    repl.write(b"\x1b[A" * 12 + b"\r")
    assert repl.read_until(PROMPT).endswith(b"\r\n103\r\n>>> ")


def test_auto_indent(repl):
    repl.write(b"def f():\r")
    assert repl.read_until(b"... ").endswith(b"def f():\r\n... ")
    assert repl.read_for(0.2) == b"    "  # the body's indent comes by itself
    repl.write(b"return 21 * 2\r")
    repl.read_until(b"...     ")
    repl.write(b"\r")
    repl.read_until(b"...     ")
    repl.write(b"\r")
    repl.read_until(b"... ")
    repl.write(b"\r")
    repl.read_until(PROMPT)
    assert friendly_exec(repl, b"f()") == b"42\r\n"


def test_paste_mode(repl):
    repl.write(b"\x05")
    got = repl.read_until(b"=== ")
    assert got.endswith(b"paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "), got
    # no auto-indent in paste mode: the lines come as they are
    repl.write(b"def g():\r    return 5\r\rprint(g() * 2)\r")
    repl.read_until(b"print(g() * 2)\r\n=== ")
    repl.write(b"\x04")
    got = repl.read_until(PROMPT)
    assert got.endswith(b"10\r\n>>> "), got
    assert friendly_exec(repl, b"g()") == b"5\r\n"


def test_paste_mode_cancel(repl):
    repl.write(b"\x05")
    repl.read_until(b"=== ")
    repl.write(b"print('never')\r\x03")
    got = repl.read_until(PROMPT)
    assert b"\r\nnever\r\n" not in got, got
    assert friendly_exec(repl, b"print('after')") == b"after\r\n"


def test_ctrl_c_cancels_line(repl):
    repl.write(b"1/0 garbage\x03")
    repl.read_until(PROMPT)
    assert friendly_exec(repl, b"7") == b"7\r\n"


def test_ctrl_c_interrupts_running_code(repl):
    repl.write(b"while True: pass\r")
    repl.read_until(b"... ")
    repl.write(b"\r")
    assert repl.read_for(0.3).startswith(b"\r\n")  # running: no prompt
    t0 = time.monotonic()
    repl.write(b"\x03")
    got = repl.read_until(PROMPT)
    assert time.monotonic() - t0 < 5 * SCALE
    assert b"Traceback (most recent call last):\r\n" in got and b"KeyboardInterrupt" in got, got
    assert friendly_exec(repl, b"print(5)") == b"5\r\n"


def test_ctrl_c_interrupts_sleep(repl):
    repl.write(b"import time; print('sleep' + 'ing'); time.sleep(60)\r")
    repl.read_until(b"\r\nsleeping\r\n")  # the code runs: Ctrl-C now interrupts it
    repl.write(b"\x03")
    got = repl.read_until(PROMPT, 5 * SCALE)
    assert b"KeyboardInterrupt" in got, got


def test_ctrl_d_soft_reboot(repl):
    friendly_exec(repl, b"gone = 1")
    repl.write(b"\x04")
    got = repl.read_until(PROMPT)
    assert b"MPY: soft reboot\r\n" in got, got
    assert got.endswith(b"; WiPy with CC3200\r\n" + b'Type "help()" for more information.\r\n>>> '), got
    assert friendly_exec(repl, b"print('gone' in globals())") == b"False\r\n"


def test_machine_soft_reset(repl):
    repl.write(b"import machine; machine.soft_reset()\r")
    got = repl.read_until(PROMPT)
    assert b"MPY: soft reboot\r\n" in got, got
    assert friendly_exec(repl, b"print(1)") == b"1\r\n"


def test_ctrl_b_banner(repl):
    repl.write(b"\x02")
    got = repl.read_until(PROMPT)
    assert got.endswith(b"; WiPy with CC3200\r\n" + b'Type "help()" for more information.\r\n>>> '), got
    assert b"MicroPython " in got


def test_ctrl_a_raw_and_back(repl):
    repl.write(b"\x01")
    repl.read_until(RAW_BANNER)
    repl.write(b"print(3)\x04")
    assert repl.read_until(b"\x04>") == b"OK3\r\n\x04\x04>"
    repl.write(b"\x02")
    repl.read_until(PROMPT)
    assert friendly_exec(repl, b"print(4)") == b"4\r\n"


def test_input_reads_a_line(repl):
    repl.write(b"print(input('q? ') * 2)\r")
    repl.read_until(b"q? ")
    repl.write(b"ab\r")
    got = repl.read_until(PROMPT)
    assert got.endswith(b"abab\r\n>>> "), got


def test_help_text(repl):
    out = friendly_exec(repl, b"help()")
    assert len(out) > 100 and b"WiPy" in out, out
    assert b"\n" not in out.replace(b"\r\n", b""), "bare \\n in help() output"


def test_tab_completion(repl):
    friendly_exec(repl, b"my_long_variable = 12")
    repl.write(b"my_lo\t")
    repl.read_until(b"my_long_variable")
    repl.write(b"\r")
    assert repl.read_until(PROMPT).endswith(b"12\r\n>>> ")


def test_output_line_ends(repl):
    out = friendly_exec(repl, b"print('a\\nb\\nc')")
    assert out == b"a\r\nb\r\nc\r\n"
    out = friendly_exec(repl, b"import sys; sys.stdout.write('x\\ny\\n')")
    assert out.startswith(b"x\r\ny\r\n"), out
