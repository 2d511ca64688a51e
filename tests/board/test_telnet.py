"""The telnet server (spec §10) recorded byte for byte on a raw socket, then real clients: Python's
telnetlib and Debian's telnet program. Also the command line of board mode (spec §1): the telnet
line at boot, a port already in use, stdin closed."""
import os
import select
import shutil
import socket
import subprocess
import time
import warnings

import pytest

from conftest import (BANNER_RE, LOGIN_BAD, LOGIN_NEG, LOGIN_OK, PASS_NEG, PROMPT, SCALE, T, Telnet,
                      friendly_exec)

LOGIN_PROMPT = LOGIN_NEG + b"Login as: "
PASS_PROMPT = b"Password: " + PASS_NEG


def connect(board, **kw):
    return Telnet(board.port, **kw)


def read_banner(t):
    """The first bytes of a session: the banner line, the negotiation, 'Login as: '."""
    data = t.read_until(b"Login as: ")
    assert data.endswith(LOGIN_PROMPT), data
    assert BANNER_RE.fullmatch(data[:-len(LOGIN_PROMPT)]), data
    return data


@pytest.mark.parametrize("eol", [b"\r", b"\r\n", b"\r\x00"], ids=["CR", "CRLF", "CRNUL"])
def test_login_success_bytes(board, eol):
    t = connect(board)
    read_banner(t)
    t.send(b"micro" + eol)
    assert t.read_until(PASS_NEG) == PASS_PROMPT
    t.send(b"python" + eol)
    assert t.read_until(b"for more information.\r\n") == LOGIN_OK
    assert t.read_until(PROMPT) == PROMPT
    # the line end's second byte is not taken as input (no second prompt)
    assert t.read_for(0.3) == b""
    t.send(b"print(1+1)\r")
    assert t.read_until(PROMPT) == b"print(1+1)\r\n2\r\n>>> "


def test_banner_is_the_repl_banner(board):
    t = connect(board)
    banner = read_banner(t)[:-len(LOGIN_PROMPT)]
    t.send(b"micro\r")
    t.read_until(PASS_NEG)
    t.send(b"python\r")
    t.read_until(PROMPT)
    t.filter_iac = True
    t.send(b"\x02")  # Ctrl-B: the friendly REPL's banner
    out = t.read_until(PROMPT)
    assert banner in out, (banner, out)
    assert out.endswith(banner + b'Type "help()" for more information.\r\n>>> '), out


@pytest.mark.parametrize("user,password", [(b"root", b"python"), (b"micro", b"pithon"), (b"Micro", b"python"),
                                           (b"micro ", b"python"), (b"micro", b"python "), (b"", b"")],
                         ids=["wrong-user", "wrong-password", "case", "user-space", "password-space", "empty"])
def test_login_failure_bytes(board, user, password):
    t = connect(board)
    read_banner(t)
    t.send(user + b"\r")
    assert t.read_until(PASS_NEG) == PASS_PROMPT  # the password is asked even for a wrong user
    t.send(password + b"\r")
    assert t.read_until(b"Login as: ") == LOGIN_BAD + LOGIN_PROMPT
    # the second try succeeds
    t.send(b"micro\r")
    assert t.read_until(PASS_NEG) == PASS_PROMPT
    t.send(b"python\r")
    assert t.read_until(b"for more information.\r\n") == LOGIN_OK
    assert t.read_until(PROMPT) == PROMPT


def test_three_failures_close(board):
    t = connect(board)
    read_banner(t)
    for i in range(3):
        t.send(b"micro\r")
        assert t.read_until(PASS_NEG) == PASS_PROMPT
        t.send(b"wrong%d\r" % i)
        if i < 2:
            assert t.read_until(b"Login as: ") == LOGIN_BAD + LOGIN_PROMPT
    assert t.read_all() == LOGIN_BAD
    # the server takes a new client afterwards
    t2 = board.telnet()
    assert friendly_exec(t2.repl_ready(), b"print(3*3)") == b"9\r\n"


def _busy_line(board):
    t = connect(board)
    data = t.read_all()
    t.close()
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 1 and len(data) > 2, data
    assert b"\xff" not in data, data
    return data


def test_second_client_told_and_closed(board):
    first = board.telnet()
    first.repl_ready()
    line = _busy_line(board)
    assert line.strip()
    # the first session is undisturbed
    assert friendly_exec(first, b"print('still here')") == b"still here\r\n"
    # a second client also while the first is still in the login dialogue
    first.close()
    pending = _connect_when_free(board)
    read_banner(pending)
    _busy_line(board)
    pending.send(b"micro\r")
    pending.read_until(PASS_NEG)
    pending.send(b"python\r")
    pending.read_until(PROMPT)


def _connect_when_free(board, timeout=None):
    """A new session once the server has seen the last one go (it may take a moment)."""
    end = time.monotonic() + (timeout or T)
    while True:
        t = connect(board)
        first = t.read_exact(1)
        if first == b"M":  # the banner, not the busy line
            t.buf[:0] = first
            return t
        t.close()
        assert time.monotonic() < end, "the server still says busy after the client left"
        time.sleep(0.02)


def test_new_client_after_disconnect(board):
    for i in range(5):
        t = _connect_when_free(board)
        t.repl()
        assert friendly_exec(t, b"print(%d)" % i) == b"%d\r\n" % i
        t.close()


def test_iac_from_client_never_reaches_python(session):
    # the client's negotiation, a subnegotiation, NUL bytes, then a line with UTF-8
    session.send(bytes([255, 253, 1, 255, 251, 31, 255, 250, 31, 0, 80, 0, 24, 255, 240]))
    session.send(b"x = 'a\x00b\xc3\xa9'\r")
    session.read_until(PROMPT)
    assert friendly_exec(session, b"print(repr(x), len(x))") == "'ab\u00e9' 3\r\n".encode()


def test_server_login_changed(session, board):
    session.send(b"import network\r")
    session.read_until(PROMPT)
    session.send(b"s = network.Server(login=('user2', 'pw2'), timeout=300)\r")
    # the servers restart; this session may be closed by it
    try:
        session.read_until(PROMPT, 3 * SCALE)
    except AssertionError:
        pass
    session.close()
    t = _connect_when_free(board)
    read_banner(t)
    t.send(b"micro\r")
    t.read_until(PASS_NEG)
    t.send(b"python\r")
    assert t.read_until(b"Login as: ") == LOGIN_BAD + LOGIN_PROMPT
    t.send(b"user2\r")
    t.read_until(PASS_NEG)
    t.send(b"pw2\r")
    assert t.read_until(b"for more information.\r\n") == LOGIN_OK
    t.filter_iac = True
    t.read_until(PROMPT)
    assert friendly_exec(t, b"print(s.isrunning(), s.timeout())") == b"True 300\r\n"


# ---- real clients ----

def test_telnetlib_logs_in_and_runs_code(board):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import telnetlib
    tn = telnetlib.Telnet("127.0.0.1", board.port, timeout=T)
    try:
        assert b"Login as: " in tn.read_until(b"Login as: ", T)
        tn.write(b"micro\r\n")
        assert b"Password: " in tn.read_until(b"Password: ", T)
        tn.write(b"python\r\n")
        got = tn.read_until(b'Type "help()" for more information.', T)
        assert b"Login succeeded!" in got, got
        assert tn.read_until(PROMPT, T).endswith(PROMPT)
        tn.write(b"print(1+1)\r\n")
        out = tn.read_until(b"2\r\n>>> ", T)
        assert out.endswith(b"2\r\n>>> "), out
    finally:
        tn.close()


def test_debian_telnet_program(board):
    prog = shutil.which("telnet")
    if prog is None:
        pytest.skip("the telnet program is not installed (scripts/deps.sh installs it)")
    master, slave = os.openpty()
    p = subprocess.Popen([prog, "127.0.0.1", str(board.port)], stdin=slave, stdout=slave, stderr=slave,
                         start_new_session=True, close_fds=True)
    os.close(slave)
    out = bytearray()

    def wait_for(token, timeout=T):
        end = time.monotonic() + timeout
        while token not in out:
            left = end - time.monotonic()
            assert left > 0, "telnet: %r not seen; got %r" % (token, bytes(out[-500:]))
            r, _, _ = select.select([master], [], [], min(left, 0.2))
            if r:
                try:
                    d = os.read(master, 4096)
                except OSError:
                    d = b""
                assert d, "telnet exited; output %r" % bytes(out)
                out.extend(d)
        i = out.index(token) + len(token)
        seen = bytes(out[:i])
        del out[:i]
        return seen

    try:
        wait_for(b"Login as: ")
        os.write(master, b"micro\r")
        wait_for(b"Password: ")
        os.write(master, b"python\r")
        wait_for(b'Type "help()" for more information.')
        wait_for(PROMPT)
        os.write(master, b"print(1+1)\r")
        wait_for(b"2\r\n>>> ")
        os.write(master, b"for i in range(3):\r")
        wait_for(b"...     ")
        os.write(master, b"print(i*7)\r")
        wait_for(b"...     ")
        os.write(master, b"\r\r\r")  # auto-indent: two blank lines end the block
        seen = wait_for(b">>> ")
        assert b"0\r\n7\r\n14\r\n" in seen, seen
    finally:
        p.kill()
        p.wait(5)
        os.close(master)


# ---- the command line ----

def test_telnet_line_and_bind(make_board):
    b = make_board(args=["--bind", "127.0.0.1"])
    assert b.host == "127.0.0.1" and 0 < b.port < 65536
    # the line is a line of its own
    assert b.before_telnet_line == b"" or b.before_telnet_line.endswith(b"\n"), b.before_telnet_line
    t = b.telnet()
    t.repl_ready()


def test_port_in_use(tmp_path, wipy):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    port = s.getsockname()[1]
    try:
        p = subprocess.run([wipy, "--state", str(tmp_path / "st"), "--telnet-port", str(port)],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=T)
    finally:
        s.close()
    err = p.stderr.decode()
    assert p.returncode == 2, (p.returncode, p.stdout[-300:], err)
    assert "--telnet-port" in err, err
    assert len(err.strip().splitlines()) == 1, err


def test_closing_stdin_does_not_stop_the_board(board):
    board.close_stdin()  # the telnet exchange below runs the board's loop, which sees the end of stdin
    t = board.telnet()
    assert friendly_exec(t.repl_ready(), b"print(6*7)") == b"42\r\n"
    assert board.alive()


def test_pty_terminal_and_telnet_share_the_repl(make_board):
    b = make_board(use_pty=True)
    b.term.read_until(PROMPT)
    t = b.telnet()
    t.repl_ready()
    # output goes to every REPL stream, input from any
    t.send(b"print('from telnet')\r")
    t.read_until(b"from telnet\r\n>>> ")
    b.term.read_until(b"from telnet\r\n>>> ")
    b.write(b"print('from the terminal')\r")
    b.term.read_until(b"from the terminal\r\n>>> ")
    t.read_until(b"from the terminal\r\n>>> ")


def test_sigterm_ends_the_board(make_board):
    b = make_board(use_pty=True)
    b.term.read_until(PROMPT)
    b.proc.terminate()
    assert b.proc.wait(T) is not None


def test_ctrl_backslash_on_the_terminal_powers_off(make_board):
    """The terminal's signal keys are off (every key is a UART byte), so Ctrl-\\ is the host's
    way out: the board writes /flash out and exits with status 0."""
    b = make_board(use_pty=True)
    b.term.read_until(PROMPT)
    b.term.write(b"f = open('kept.txt', 'w'); f.write('data'); f.close()\r")
    b.term.read_until(PROMPT)
    b.term.write(b"\x1c")
    assert b.proc.wait(T) == 0
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    got = subprocess.run(["mtype", "-i", os.path.join(b.state, "flash.img"), "::/kept.txt"],
                         stdout=subprocess.PIPE, env=env, timeout=T)
    assert got.stdout == b"data"


def test_heap_option(make_board):
    b = make_board(args=["--heap", "65536"])
    t = b.telnet()
    t.repl_ready()
    out = friendly_exec(t, b"import gc; gc.collect(); print(gc.mem_free() + gc.mem_alloc())")
    assert 32768 <= int(out) <= 65536, out


@pytest.mark.parametrize("args, says", [
    (["--telnet-port", "abc"], b"--telnet-port wants a port number"),
    (["--telnet-port", "70000"], b"--telnet-port wants a port number"),
    (["--heap", "lots"], b"--heap wants a size"),
    (["--frobnicate", "1"], b"unknown board option '--frobnicate'"),
    (["--state"], b"unknown board option '--state' (or missing value)"),
])
def test_bad_board_options(wipy, tmp_path, args, says):
    r = subprocess.run([wipy, "--state", str(tmp_path / "s")] + args, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=T)
    assert r.returncode == 2, r
    assert says in r.stderr, r.stderr
    assert not (tmp_path / "s").exists()  # nothing made before the command line is understood


def test_heap_too_small_to_start(wipy, tmp_path):
    r = subprocess.run([wipy, "--state", str(tmp_path / "s"), "--telnet-port", "0", "--heap", "100"],
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=T)
    assert r.returncode == 1
    assert b"too small to start; give --heap more" in r.stderr, r.stderr


def test_output_byte_ff_is_sent_as_iac_iac(session):
    """REPL output is telnet data: a 0xFF byte in it goes out doubled (RFC 854), else a client
    would take it for a command."""
    session.filter_iac = False
    session.send(b"import sys; sys.stdout.buffer.write(b'a\\xffb\\xff')\r")
    got = session.read_until(PROMPT)
    assert b"a\xff\xffb\xff\xff" in got, got
