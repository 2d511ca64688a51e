"""Issue 14: the board never dies from what a client sends. Each test here killed the board (or
grew it without bound) before the fix: a raw REPL entered through a soft reset given a program
larger than the heap, exceptions raised with the heap locked, input buffers without a bound."""
import re
import time

from conftest import PROMPT, RAW_BANNER, SCALE, RawRepl, friendly_exec


def still_works(board):
    """A new session reaches the friendly REPL (Ctrl-B: the REPL may be left in raw mode) and runs code."""
    t = board.telnet(login=False)
    t.login()
    t.send(b"\x02")  # from either REPL: the banner and a prompt
    t.read_until(b'Type "help()" for more information.\r\n>>> ')
    assert friendly_exec(t, b"print(6*7)") == b"42\r\n"
    t.close()
    assert board.alive()


def test_raw_repl_after_soft_reset_program_larger_than_heap(board):
    # pyboard.py and mpremote enter the raw REPL and soft-reset; then the program comes
    t = board.telnet(login=False).repl()
    raw = RawRepl(t)
    raw.enter(soft_reset=True)
    big = b"x = 1\n" * 40000  # 240,000 bytes: more than the 96 KiB heap
    out, err = raw.exec(big, timeout=30 * SCALE, paste=False)
    assert out == b""
    assert err == b"MemoryError: program of 240000 bytes does not fit in the heap; not run\r\n"
    out, err = raw.exec(b"print('after', 1 + 1)", paste=False)
    assert (out, err) == (b"after 2\r\n", b"")
    t.close()
    assert board.alive(), board.stderr_text()
    still_works(board)


def test_raw_paste_larger_than_heap(board):
    t = board.telnet(login=False).repl()
    raw = RawRepl(t)
    raw.enter(soft_reset=True)
    out, err = raw.exec(b"y = 2\n" * 40000, timeout=30 * SCALE, paste=True)
    assert raw.paste_supported
    # raw-paste ends the data early (\x04), as MicroPython does when it can't compile: the board
    # never holds more than its heap's size of it
    m = re.fullmatch(rb"MemoryError: program does not fit in the heap \(stopped after (\d+) bytes\); not run\r\n", err)
    assert out == b"" and m, (out, err)
    assert 64 * 1024 < int(m.group(1)) <= 96 * 1024
    assert raw.windows_acked < 96 * 1024 // 257 + 2
    out, err = raw.exec(b"print('paste ok')", paste=True)
    assert (out, err) == (b"paste ok\r\n", b"")
    t.close()
    still_works(board)


def test_exception_with_heap_locked_raw_repl(board):
    # what run-tests.py's micropython/ folder does: the exception is built without the heap
    # (the emergency exception) and the REPL gets its heap back afterwards
    t = board.telnet(login=False).repl()
    raw = RawRepl(t)
    raw.enter(soft_reset=True)
    out, err = raw.exec(b"import micropython\nmicropython.heap_lock()\nraise ValueError(1)\n")
    assert out == b""
    assert err.endswith(b"ValueError: 1\r\n"), err
    out, err = raw.exec(b"import micropython\nmicropython.heap_lock()\nprint([])\n")
    assert out == b"" and err.endswith(b"MemoryError: memory allocation failed, heap is locked\r\n"), (out, err)
    out, err = raw.exec(b"import micropython\nprint(micropython.heap_locked(), [1, 2])")
    assert (out, err) == (b"0 [1, 2]\r\n", b"")
    # a message formatted while the heap is locked
    out, err = raw.exec(b"import micropython\nl = []\nmicropython.heap_lock()\nl[5]\n")
    assert err.endswith(b"IndexError: list index out of range\r\n"), err
    t.close()
    still_works(board)


def test_exception_with_heap_locked_friendly(board):
    t = board.telnet(login=False).repl()
    out = friendly_exec(t, b"import micropython; micropython.heap_lock(); raise OSError(5, 'x')")
    assert out.endswith(b"OSError: [Errno 5] EIO: x\r\n"), out
    assert friendly_exec(t, b"print(micropython.heap_locked())") == b"0\r\n"
    t.close()
    still_works(board)


def test_friendly_line_is_bounded(board):
    t = board.telnet(login=False).repl()
    t.send(b"#" + b"a" * 70000 + b"\r")
    t.read_until(b"line longer than 16384 bytes: ignored\r\n", 30 * SCALE)
    t.read_until(PROMPT)
    assert friendly_exec(t, b"print('short')") == b"short\r\n"
    t.close()
    still_works(board)


def test_friendly_statement_is_bounded(board):
    t = board.telnet(login=False).repl()
    t.send(b"if 1:\r")
    t.read_until(b"... ")
    line = b"x = 1" + b" " * 9000 + b"\r"
    for _ in range(10):  # 90 KB of continuation lines
        t.send(line)
    t.send(b"\r\r\r")
    t.read_until(b"statement longer than 65536 bytes: ignored\r\n", 30 * SCALE)
    t.send(b"print('af' + 'ter')\r")  # the lines sent after the refusal run on their own first
    t.read_until(b"\r\nafter\r\n", 30 * SCALE)
    t.close()
    still_works(board)


def test_paste_mode_is_bounded(board):
    t = board.telnet(login=False).repl()
    t.send(b"\x05")
    t.read_until(b"=== ")
    chunk = b"z = 3\r" * 1000
    for _ in range(15):  # 90 KB
        t.send(chunk)
    t.send(b"\x04")
    t.read_until(b"paste longer than 65536 bytes: ignored\r\n", 60 * SCALE)
    t.read_until(PROMPT)
    assert friendly_exec(t, b"print('pasted')") == b"pasted\r\n"
    t.close()
    still_works(board)


def test_second_board_on_same_state_is_refused(make_board, tmp_path):
    state = tmp_path / "shared"
    a = make_board(state)
    t = a.telnet(login=False).repl()
    friendly_exec(t, b"f = open('/flash/a.txt', 'w'); f.write('from a'); f.close()")
    b = make_board(state, wait=False)
    rc = b.proc.wait(10 * SCALE)
    assert rc == 2
    err = b.stderr_text()
    assert err == ("wipy: the state directory '%s' is in use by another board (pid %d); stop that one or "
                   "give --state another directory\n" % (state, a.pid)), err
    assert b.term.read_all() == b""
    assert a.alive()
    assert friendly_exec(t, b"print(open('/flash/a.txt').read())") == b"from a\r\n"
    t.close()


def test_failed_start_creates_nothing(make_board, tmp_path):
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    port = s.getsockname()[1]
    state = tmp_path / "never"
    b = make_board(state, wait=False, port=port)
    assert b.proc.wait(10 * SCALE) == 2
    assert "can't listen for telnet on 127.0.0.1:%d" % port in b.stderr_text()
    assert not state.exists()
    s.close()


def test_power_on_line_says_where_the_state_is(make_board, tmp_path):
    state = tmp_path / "st"
    b = make_board(state)
    ftp_line = b"FTP server on 127.0.0.1:%d (passive data port %d)\r\n"
    assert b.before_telnet_line == (b"WiPy state in %s (created now); Ctrl-\\ powers the board off\r\n" % str(state).encode()
                                    + ftp_line % (b.ftp_port, b.ftp_data_port))
    b.kill()
    b2 = make_board(state)
    assert b2.before_telnet_line == (b"WiPy state in %s (kept from before); Ctrl-\\ powers the board off\r\n" % str(state).encode()
                                     + ftp_line % (b2.ftp_port, b2.ftp_data_port))


# ---- issue 14 items 5-7 ----

def test_server_without_arguments_restores_the_defaults(session, board):
    e = lambda line: friendly_exec(session, line)
    assert e(b"import network; s = network.Server(login=('ann', 'secret'), timeout=60); print(s.timeout())") == b"60\r\n"
    assert e(b"s = network.Server(); print(s.timeout())") == b"300\r\n"
    assert e(b"s.init(login=('bob', 'pw'), timeout=99); s.init(); print(s.timeout())") == b"300\r\n"
    session.close()
    t = board.telnet(login=False)
    t.login(b"micro", b"python")  # the defaults work again
    t.close()


def test_machine_main_wants_a_str(session):
    out = friendly_exec(session, b"import machine; machine.main(5)")
    assert out.endswith(b"ValueError: main() expects a file name (a str)\r\n"), out


def test_machine_main_missing_file_says_so(session):
    from conftest import FIRST_BOOT
    boot = FIRST_BOOT + b"machine.main('nope.py')\r\n"
    friendly_exec(session, b"f = open('/flash/boot.py', 'wb'); n = f.write(%r); f.close()" % boot)
    session.send(b"import machine; machine.soft_reset()\r")
    got = session.read_until(PROMPT)
    assert b"MPY: soft reboot\r\nmachine.main(): nope.py is not a file on /flash; nothing run\r\n" in got, got


def test_far_server_timeout_keeps_the_board_serving(session, board):
    # a timer 68 years away: the loop must neither wait for ever nor spin
    assert friendly_exec(session, b"import network, time; s = network.Server(timeout=2**31-1)") == b""
    assert friendly_exec(session, b"t = time.ticks_ms(); time.sleep_ms(50); print(time.ticks_diff(time.ticks_ms(), t) >= 50)") == b"True\r\n"
    session.close()
    still_works(board)


def test_reconnect_right_after_disconnect_is_never_busy(board):
    for i in range(20):
        t = board.telnet(login=False)
        t.login()
        t.read_until(PROMPT)
        t.close()
    for i in range(20):  # hang up in the middle of the login dialogue, too
        t = board.telnet(login=False)
        t.read_until(b"Login as: ")
        t.close()
    t = board.telnet(login=False)
    t.repl()
    t.close()


def test_telnet_stop_and_listen_lines(board):
    board.term.read_until(PROMPT)  # boot.py made the terminal a REPL stream
    board.write(b"import network; s = network.Server(); s.deinit()\r")
    board.term.read_until(b"Telnet server stopped\r\n")
    board.term.read_until(PROMPT)
    board.write(b"s.init()\r")
    board.term.read_until(b"Telnet server on 127.0.0.1:%d\r\n" % board.port)
    board.term.read_until(PROMPT)
    still_works(board)


def test_process_keeps_its_name_after_reset(make_board):
    b = make_board()
    with open("/proc/%d/comm" % b.pid) as f:
        name = f.read()
    t = b.telnet(login=False).repl()
    t.send(b"import machine; machine.reset()\r")
    t.read_all()
    b.wait_telnet_line()
    with open("/proc/%d/comm" % b.pid) as f:
        assert f.read() == name == "wipy\n"


def test_terminal_without_repl_says_so(session, board):
    board.term.read_until(PROMPT)
    friendly_exec(session, b"f = open('/flash/boot.py', 'w'); f.write('x = 1\\n'); f.close()")
    session.send(b"import machine; machine.soft_reset()\r")
    session.read_until(PROMPT)
    board.term.read_until(b"The terminal is not a REPL (boot.py did not call os.dupterm(machine.UART(0, 115200))); "
                          b"telnet still works\r\n")
    assert friendly_exec(session, b"print(x)") == b"1\r\n"
