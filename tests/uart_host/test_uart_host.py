"""UARTs exposed to the host (issue 10): `--uart0 pty` makes UART0 a full REPL stream on a pty that
MicroPython's own pyboard.py (unmodified, run from its place, through pyserial) drives, soft
resets included; a raw termios client gets the friendly REPL, Ctrl-C and Ctrl-D; UART1 on a TCP
port (and a pty) carries Python's writes to the peer and the peer's bytes into the 256-byte ring
with any/read/readline and RX_ANY irqs, holding a fast sender back instead of losing bytes; one
TCP client at a time; bad options refused in one line; the control interface's uart commands."""
import json
import os
import pty
import socket
import subprocess
import termios

import pytest

from conftest import PYBOARD, T, PtyClient, Session, exposures, harness
from harness import board_file_refused

PROMPT = b">>> "


def board_with(make_board, *opts, control=False):
    args = list(opts) + (["--control", "127.0.0.1:0"] if control else [])
    b = make_board(args=args)
    b.exposed = exposures(b)
    if control:
        b.control = b.control_client()
    return b


class TerminalProgram:
    """A terminal program (picocom, screen) run in a pty of its own, as a user would: `term` is
    what it shows (term.write types); exit_status() waits for its end; close() kills it if it did
    not end."""

    def __init__(self, path, argv, env=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            for k, v in (env or {}).items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            os.execv(path, argv)
        self.term = harness.FdReaderStream(self.fd, argv[0])
        self.term.writer = lambda d: os.write(self.fd, d)
        self.reaped = False

    def exit_status(self):
        status = os.waitpid(self.pid, 0)[1]
        self.reaped = True
        return status

    def close(self):
        if not self.reaped:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def pyboard(dev, *args, timeout=None):
    """MicroPython's tools/pyboard.py, unmodified, from where it lives."""
    if not os.path.exists(PYBOARD):
        pytest.skip("MicroPython's tools/pyboard.py is not at %s" % PYBOARD)
    return subprocess.run(["/usr/bin/python3", PYBOARD, "-d", dev] + list(args), capture_output=True,
                          timeout=(timeout or 3 * T), cwd=os.path.dirname(PYBOARD))


# ---- UART0 on a pty: the REPL ----

def test_uart0_pty_line_and_pyboard_runs_code_with_soft_resets(make_board, tmp_path):
    b = board_with(make_board, "--uart0", "pty")
    dev = b.exposed[0]
    assert os.path.exists(dev) and dev.startswith("/dev/pts/")
    r = pyboard(dev, "-c", "x = 6 * 7\nprint('x is', x)")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"x is 42\r\n", b"")
    # pyboard.py soft-resets the board before each run: x is gone
    r = pyboard(dev, "-c", "print('x' in globals())")
    assert (r.returncode, r.stdout) == (0, b"False\r\n")
    # without the soft reset the state stays
    r = pyboard(dev, "--no-soft-reset", "-c", "y = 1")
    assert r.returncode == 0
    r = pyboard(dev, "--no-soft-reset", "-c", "print('y' in globals())")
    assert r.stdout == b"True\r\n"
    # a file bigger than the raw-paste window (257 bytes: flow control), and an exception
    script = tmp_path / "prog.py"
    script.write_text("total = 0\n" + "".join("total += %d  # %s\n" % (i, "pad" * 10) for i in range(40)) +
                      "print('total', total)\nraise ValueError('from the board')\n")
    r = pyboard(dev, str(script))
    assert r.stdout.startswith(b"total 780\r\nTraceback (most recent call last):\r\n")
    assert r.returncode == 1 and r.stdout.endswith(b"ValueError: from the board\r\n")
    # output far beyond the pty's and the link's buffers: the reader's pace holds the board back,
    # nothing is lost
    r = pyboard(dev, "-c", "for i in range(2000): print('line %05d' % i, 'x' * 40)")
    assert r.returncode == 0
    assert r.stdout == b"".join(b"line %05d %s\r\n" % (i, b"x" * 40) for i in range(2000))
    # the filesystem commands (their own raw-REPL sequences)
    r = pyboard(dev, "-f", "ls")
    assert r.returncode == 0 and b"boot.py" in r.stdout and b"main.py" in r.stdout
    # the terminal is no longer UART0: nothing of the REPL appears on it
    assert b"x is 42" not in b.term.pending()
    assert b.alive()


def test_mpremote_over_the_pty(make_board, tmp_path):
    """MicroPython's mpremote, unmodified, run from its source tree: exec, a file copied to /flash
    and back (its raw-paste and binary transfer), soft reset."""
    mp = "/work/mp/tools/mpremote"
    env = dict(os.environ, PYTHONPATH=mp)
    try:
        import platformdirs  # noqa: F401  (mpremote needs it)
    except ImportError:
        pytest.skip("python3-platformdirs is not installed (scripts/deps.sh installs it)")
    if not os.path.isdir(mp):
        pytest.skip("MicroPython's mpremote is not at %s" % mp)
    b = board_with(make_board, "--uart0", "pty")

    def mpremote(*args):
        return subprocess.run(["/usr/bin/python3", "-m", "mpremote", "connect", b.exposed[0]] + list(args),
                              capture_output=True, timeout=3 * T, env=env, cwd=str(tmp_path))

    r = mpremote("exec", "v = 7; print('mp', v * 6)")
    assert (r.returncode, r.stdout) == (0, b"mp 42\r\n"), r.stderr
    src = tmp_path / "data.bin"
    src.write_bytes(bytes(range(256)) * 8)
    assert mpremote("fs", "cp", str(src), ":data.bin").returncode == 0
    back = tmp_path / "back.bin"
    r = mpremote("fs", "cp", ":data.bin", str(back))
    assert r.returncode == 0 and back.read_bytes() == src.read_bytes(), r.stderr
    r = mpremote("soft-reset", "exec", "print('v' in globals())")
    assert (r.returncode, r.stdout) == (0, b"False\r\n"), r.stderr


def test_uart0_pty_friendly_repl_ctrl_c_ctrl_d(make_board):
    b = board_with(make_board, "--uart0", "pty")
    p = PtyClient(b.exposed[0])
    try:
        # the board made the pty raw: a tool that changes nothing gets no echo, no line discipline
        lflag = p.attrs_at_open[3]
        assert not lflag & (termios.ECHO | termios.ICANON | termios.ISIG)
        p.write(b"\r")
        p.read_until(PROMPT)
        assert harness.friendly_exec(p, b"print(6 * 7)") == b"42\r\n"
        # Ctrl-C interrupts running code
        p.write(b"exec('print(1 + 2)\\nwhile True: pass')\r")
        p.read_until(b"3\r\n")          # now the loop runs
        p.write(b"\x03")
        out = p.read_until(PROMPT)
        assert b"KeyboardInterrupt" in out
        # Ctrl-D at the prompt: soft reset, boot.py attaches UART0 again, a fresh prompt
        harness.friendly_exec(p, b"z = 5")
        p.write(b"\x04")
        out = p.read_until(PROMPT)
        assert b"MPY: soft reboot\r\n" in out
        assert b"NameError" in harness.friendly_exec(p, b"z")
        # raw REPL and raw-paste over the pty with the harness's client (spec §9)
        raw = harness.RawRepl(p)
        raw.enter()
        assert raw.exec("print('raw', 1 + 1)") == (b"raw 2\r\n", b"")
        assert raw.paste_supported
        raw.exit()
        p.read_until(PROMPT)
    finally:
        p.close()


def test_uart0_on_tcp_is_a_repl_stream(make_board):
    """UART0 on a TCP port: a plain socket (no telnet, no login) is the REPL, raw REPL included."""
    b = board_with(make_board, "--uart0", "tcp:127.0.0.1:0")
    c = harness.Telnet(b.exposed[0][1])  # a raw socket client
    try:
        c.send(b"\r")
        c.read_until(PROMPT)
        assert harness.friendly_exec(c, b"print(1 + 1)") == b"2\r\n"
        raw = harness.RawRepl(c)
        raw.enter(soft_reset=True)
        assert raw.exec("print('over tcp')") == (b"over tcp\r\n", b"")
        assert raw.exec("1 // 0")[1].endswith(b"ZeroDivisionError: divide by zero\r\n")
        raw.exit()
        c.read_until(PROMPT)
    finally:
        c.close()


def test_uart0_pty_reopen_starts_clean(make_board):
    """Output made while no tool has the pty open is not kept for the next one."""
    b = board_with(make_board, "--uart0", "pty")
    p = PtyClient(b.exposed[0])
    p.write(b"\r")
    p.read_until(PROMPT)
    p.close()
    t = b.telnet()
    t.repl_ready()
    # REPL output while the pty is closed: the telnet client sees it, nobody on UART0
    assert harness.friendly_exec(t, b"print('while away')") == b"while away\r\n"
    p = PtyClient(b.exposed[0])
    try:
        p.write(b"print('back')\r")
        out = p.read_until(b"back\r\n>>> ")
        assert b"while away" not in out
    finally:
        p.close()
        t.close()


def test_picocom_talks_to_the_pty(make_board):
    """picocom (Debian's), run in a terminal of its own, as a user would."""
    if not os.path.exists("/usr/bin/picocom"):
        pytest.skip("picocom is not installed (scripts/deps.sh installs it)")
    b = board_with(make_board, "--uart0", "pty")
    prog = TerminalProgram("/usr/bin/picocom", ["picocom", "-b", "115200", b.exposed[0]])
    term = prog.term
    try:
        term.read_until(b"Terminal ready\r\n")  # picocom has set its terminal and the port up
        term.write(b"\r")
        term.read_until(PROMPT)
        term.write(b"print('via', 'picocom')\r")
        term.read_until(b"via picocom\r\n>>> ")
        term.write(b"\x01\x18")  # C-a C-x: picocom exits
        term.read_all()
        assert prog.exit_status() == 0
    finally:
        prog.close()


def test_hard_reset_keeps_the_pty_its_tool_and_the_tcp_client(make_board):
    """machine.reset() executes the program again; the serial cables stay plugged in: the same
    /dev/pts/N with the tool still on it, the same TCP port with the client still connected."""
    b = board_with(make_board, "--uart0", "pty", "--uart1", "tcp:127.0.0.1:0")
    p = PtyClient(b.exposed[0])
    peer = harness.Telnet(b.exposed[1][1])
    try:
        p.write(b"\r")
        p.read_until(PROMPT)
        p.write(b"import machine; machine.reset()\r")
        b.wait_telnet_line()  # the new program's lines
        assert exposures(b) == b.exposed
        p.read_until(PROMPT)  # boot.py attached UART0 again: a fresh prompt on the same pty
        assert harness.friendly_exec(p, b"print(machine.reset_cause() == machine.HARD_RESET)") == b"True\r\n"
        harness.friendly_exec(p, b"u = machine.UART(1, 9600)")
        assert harness.friendly_exec(p, b"u.write(b'after reset')") == b"11\r\n"
        assert peer.read_until(b"after reset") == b"after reset"
        peer.send(b"back")
        harness.friendly_exec(p, b"import time")
        harness.friendly_exec(p, b"w = [time.sleep_ms(1) for i in range(5000) if u.any() < 4]")  # bounded wait
        assert harness.friendly_exec(p, b"print(u.read())") == b"b'back'\r\n"
    finally:
        p.close()
        peer.close()


def test_screen_talks_to_the_pty(make_board):
    """GNU screen (Debian's) as a serial terminal: `screen /dev/pts/N 115200`."""
    if not os.path.exists("/usr/bin/screen"):
        pytest.skip("screen is not installed (scripts/deps.sh installs it)")
    b = board_with(make_board, "--uart0", "pty")
    prog = TerminalProgram("/usr/bin/screen", ["screen", b.exposed[0], "115200"], env={"TERM": "vt100", "STY": None})
    term = prog.term
    try:
        term.read_until(b"\x1b[H\x1b[J")  # screen has drawn its (empty) window
        term.write(b"\r")
        term.read_until(PROMPT)
        term.write(b"print('via', 'screen')\r")
        term.read_until(b"via screen\r\n>>> ")
        term.write(b"\x01k")  # C-a k y: kill the window, screen ends
        term.read_until(b"[y/n]")
        term.write(b"y")
        term.read_until(b"[screen is terminating]")
        assert prog.exit_status() == 0
    finally:
        prog.close()


# ---- UART1 on TCP and on a pty: the ring, read/readline, RX_ANY ----

UART1_SETUP = ("from machine import UART\nimport os, time\n"
               "u = UART(1, 115200)\n"
               "buf = bytearray(64)\n"
               "one = bytearray(1)\n"
               "got = [0, 0]\n"           # bytes taken by the handler, handler calls
               "def h(x):\n"             # the heap is locked in a handler: no new objects
               "    got[1] += 1\n"
               "    while u.any() and got[0] < len(buf):\n"
               "        u.readinto(one)\n"
               "        buf[got[0]] = one[0]\n"
               "        got[0] += 1\n"
               "def wait(cond, ms=5000):\n"
               "    t = time.ticks_ms()\n"
               "    while not cond() and time.ticks_diff(time.ticks_ms(), t) < ms:\n"
               "        time.sleep_ms(1)\n"
               "    return cond()\n")


def test_uart1_tcp_both_ways_irq_and_one_client(make_session):
    s = make_session(["--uart1", "tcp:127.0.0.1:0"])
    addr, port = exposures(s.board)[1]
    assert addr == "127.0.0.1" and port > 0
    s.run(UART1_SETUP)
    peer = harness.Telnet(port)  # a raw socket client (no telnet negotiation on this port)
    # a second client is refused in one line and closed; the first goes on
    second = harness.Telnet(port)
    assert second.read_all() == b"UART1 on 127.0.0.1:%d is busy: one client at a time\r\n" % port
    second.close()
    # Python's writes reach the peer
    assert s.run("print(u.write(b'to the peer\\n'))") == "12\n"
    assert peer.read_until(b"to the peer\n") == b"to the peer\n"
    # the peer's bytes arrive in the ring: any, read, readline
    peer.send(b"first line\nsecond")
    assert s.run("print(wait(lambda: u.any() == 17), u.any())") == "True 17\n"
    assert s.run("print(u.readline(), u.read(3), u.read())") == "b'first line\\n' b'sec' b'ond'\n"
    assert s.run("print(u.read(), u.any())") == "None 0\n"
    # RX_ANY: the handler runs as bytes come (the heap is locked there: readinto a buffer)
    s.run("u.irq(trigger=UART.RX_ANY, handler=h)")
    peer.send(b"ping!")
    assert s.run("print(wait(lambda: got[0] == 5), bytes(buf[:got[0]]), got[1] >= 1)") == "True b'ping!' True\n"
    # the peer goes away: the board doesn't mind; writes meanwhile go nowhere; a new client works
    peer.close()
    assert s.run("print(u.write(b'nobody'))") == "6\n"
    again = harness.Telnet(port)
    try:
        assert s.run("print(u.write(b'hello again'))") == "11\n"
        assert again.read_until(b"hello again") == b"hello again"
        again.send(b"xy")
        assert s.run("print(wait(lambda: got[0] == 7), bytes(buf[5:7]))") == "True b'xy'\n"
    finally:
        again.close()


def test_uart1_tcp_fast_sender_is_held_back_not_dropped(make_session):
    """4 KB at once from the peer: the ring holds 256 bytes, the rest waits on the host (flow
    control), so a reader that keeps up gets every byte in order."""
    s = make_session(["--uart1", "tcp:127.0.0.1:0"])
    port = exposures(s.board)[1][1]
    s.run(UART1_SETUP)
    peer = harness.Telnet(port)
    data = bytes((i * 7) & 0xFF for i in range(4096))
    peer.send(data)
    out = s.run("n = acc = 0\n"
                "while n < 4096 and wait(lambda: u.any() > 0):\n"
                "    for b in u.read():\n"
                "        acc = (acc * 131 + b) % 1000003\n"
                "        n += 1\n"
                "print(n, acc)\n")
    acc = 0
    for x in data:
        acc = (acc * 131 + x) % 1000003
    assert out == "4096 %d\n" % acc
    peer.close()


def test_uart1_pty_with_termios_client(make_session):
    s = make_session(["--uart1", "pty"])
    dev = exposures(s.board)[1]
    s.run(UART1_SETUP)
    p = PtyClient(dev)
    try:
        assert s.run("print(u.write(b'\\x00\\xffbinary\\r\\n'))") == "10\n"
        assert p.read_exact(10) == b"\x00\xffbinary\r\n"   # raw: no CR/NL mapping, all 8 bits
        p.write(b"\x03\x04\x1c\r\n")                        # control bytes are data on UART1
        assert s.run("print(wait(lambda: u.any() == 5), u.read())") == "True b'\\x03\\x04\\x1c\\r\\n'\n"
    finally:
        p.close()


def test_uart1_from_the_board_file(make_session, tmp_path):
    rig = tmp_path / "board.json"
    rig.write_text(json.dumps({"parts": [{"type": "wipy", "id": "wipy"}], "connections": [],
                               "uart": {"1": "tcp:127.0.0.1:0"}}))
    s = make_session(["--board", str(rig)])
    assert 1 in exposures(s.board) and 0 not in exposures(s.board)
    # the command line wins over the board file
    s2 = make_session(["--board", str(rig), "--uart1", "none", "--uart0", "pty"])
    assert list(exposures(s2.board)) == [0]


# ---- bad options: one line, the board doesn't start ----

@pytest.mark.parametrize("opt,val", [
    ("--uart0", "bogus"), ("--uart1", "tcp:"), ("--uart1", "tcp:70000"), ("--uart1", "tcp:1.2.3:5"),
    ("--uart0", "tcp:localhost:0"), ("--uart1", "pty:"),
])
def test_bad_option_one_line_and_no_start(wipy, tmp_path, opt, val):
    state = tmp_path / "state"
    r = subprocess.run([wipy, "--state", str(state), "--telnet-port", "0", opt, val], capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=T)
    assert r.returncode == 2
    assert r.stdout == b""
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert "%s wants pty, tcp:PORT, tcp:ADDR:PORT" % opt in lines[0] and repr(val) in lines[0].replace('"', "'")
    assert not state.exists()


@pytest.mark.parametrize("section,msg", [
    ('{"2": "pty"}', 'unknown UART "2"'),
    ('{"0": 5}', 'wants a string'),
    ('{"1": "serial"}', "wants pty, tcp:PORT"),
    ('"pty"', "is an object"),
])
def test_bad_board_file_section(wipy, tmp_path, section, msg):
    err = board_file_refused(tmp_path, '{"parts": [], "connections": [], "uart": %s}' % section, wipy)
    assert msg in err, err


def test_tcp_port_taken_refused(wipy, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        r = subprocess.run([wipy, "--state", str(tmp_path / "s"), "--telnet-port", "0", "--ftp-port", "0",
                            "--ftp-data-port", "0", "--uart1", "tcp:127.0.0.1:%d" % port],
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=T)
    finally:
        busy.close()
    lines = r.stderr.decode().splitlines()
    assert r.returncode == 2 and len(lines) == 1, lines
    assert lines[0] == ("wipy: can't listen for UART1 on 127.0.0.1:%d (Address already in use); "
                        "pick another with --uart1 tcp:ADDR:PORT" % port)
    assert not (tmp_path / "s").exists()  # a board that can't listen creates nothing


# ---- the control interface ----

def test_control_uart_state_inject_read(make_board):
    b = board_with(make_board, "--uart1", "tcp:127.0.0.1:0", "--uart0", "pty", control=True)
    c = b.control
    s = Session(b)
    try:
        u = c.uart()["uarts"]
        assert [x["uart"] for x in u] == [0, 1]
        assert u[0]["host"]["kind"] == "pty" and u[0]["host"]["path"] == b.exposed[0]
        assert u[0]["repl"] is True and u[0]["enabled"] and u[0]["baudrate"] == 115200
        assert u[1]["host"]["kind"] == "tcp" and u[1]["host"]["port"] == b.exposed[1][1]
        assert u[1]["host"]["connected"] is False and u[1]["enabled"] is False
        assert c.info()["uarts"][1]["host"]["port"] == b.exposed[1][1]
        s.run(UART1_SETUP)
        one = c.uart(1)
        assert one["enabled"] and one["pins"] == {"tx": "GP3", "rx": "GP4", "rts": None, "cts": None}
        # inject: into the ring as if from the RX pin; past the ring's 256 bytes, lost
        r = c.uart_inject(1, b"abc\n")
        assert (r["injected"], r["taken"], r["lost"]) == (4, 4, 0)
        assert s.run("print(u.readline())") == "b'abc\\n'\n"
        r = c.uart_inject(1, bytes(300))
        assert (r["taken"], r["lost"]) == (256, 44)
        assert s.run("print(len(u.read()))") == "256\n"
        # read: what TX sent, oldest first, consumed
        c.uart_read(1)
        s.run("u.write(b'\\x01two\\xfe')")
        assert c.uart_read(1) == b"\x01two\xfe"
        assert c.uart_read(1) == b""
        # into UART0 while it is the REPL (the telnet session left it in raw mode: Ctrl-B leaves
        # that): typed at the prompt, the answer read from its TX
        c.subscribe(["console"])
        c.uart_inject(0, b"\x02")
        c.console_until(b">>> ")
        c.uart_read(0)
        c.uart_inject(0, b"print(7 * 6)\r")
        c.console_until(b"42\r\n>>> ")
        assert c.uart_read(0).endswith(b"print(7 * 6)\r\n42\r\n>>> ")
        c.unsubscribe()
        # errors
        for args, msg in (({"uart": 2}, "0 or 1"), ({"uart": 1}, "give the bytes"),
                          ({"uart": 1, "data": "a", "hex": "61"}, "give the bytes"),
                          ({"uart": 1, "hex": "6"}, "pairs of hex digits"),
                          ({"uart": 1, "data": "\u0100"}, "code points 0..255")):
            rep = c.request("uart.inject", **args)
            assert rep["ok"] is False and msg in rep["error"], rep
        rep = c.request("uart.read", uart=1, n=5000)
        assert rep["ok"] is False and "from 0 to 4096" in rep["error"]
        assert {"uart", "uart.inject", "uart.read"} <= set(c.call("help")["commands"])
    finally:
        s.close()


def test_wipyctl_uart_commands(make_board):
    b = board_with(make_board, "--uart1", "tcp:127.0.0.1:0", control=True)
    s = Session(b)
    try:
        s.run(UART1_SETUP)
        ctl = ["/usr/bin/python3", os.path.join(harness.ROOT, "tools", "wipyctl"), "--port", str(b.control_port)]
        r = subprocess.run(ctl + ["uart", "1"], capture_output=True, timeout=T)
        st = json.loads(r.stdout)
        assert r.returncode == 0 and st["uart"] == 1 and st["host"]["kind"] == "tcp"
        r = subprocess.run(ctl + ["uart", "1", "inject", "hi\\x00\\n"], capture_output=True, timeout=T)
        assert r.returncode == 0 and json.loads(r.stdout)["taken"] == 4
        assert s.run("print(u.read())") == "b'hi\\x00\\n'\n"
        s.run("u.write(b'out\\xff')")
        r = subprocess.run(ctl + ["uart", "1", "read"], capture_output=True, timeout=T)
        assert (r.returncode, r.stdout) == (0, b"out\xff")
        r = subprocess.run(ctl + ["uart", "3"], capture_output=True, timeout=T)
        assert r.returncode == 1 and b"0 or 1" in r.stderr
    finally:
        s.close()
