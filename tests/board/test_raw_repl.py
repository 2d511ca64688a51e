"""The raw REPL and raw-paste mode of the board (spec §9) over telnet and on the terminal, through
the RawRepl client of conftest.py; 200 generated snippets whose expected output is computed with
CPython (tracebacks rebuilt in MicroPython's format); and the exact sequences that MicroPython's
tools/pyboard.py (TelnetToSerial + Pyboard, 2020 and later versions) and tests/run-tests.py send
to a board at an IPv4 address."""
import contextlib
import io
import random
import time
import traceback
import warnings

import pytest

from conftest import PROMPT, RAW_BANNER, SCALE, RawRepl, Telnet


# ---- the generated snippets ----

def _words(rng, n):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(n))


def _arith(rng, i):
    def num():
        k = rng.random()
        if k < 0.4:
            return rng.randint(-1000, 1000)
        if k < 0.7:
            return rng.randint(-2 ** 40, 2 ** 40)
        return rng.randint(-2 ** 130, 2 ** 130)
    a = num()
    b = num() or 7
    e = rng.randint(0, 9)
    return ("a = %d\nb = %d\n"
            "print(a + b, a - b, a * b)\n"
            "print(a // b, a %%b, divmod(a, b))\n"
            "print(a ** %d, -a, abs(b), a << 3, a >> 2)\n"
            "print(a & b, a | b, a ^ b, ~a, max(a, b), min(a, b), a < b, a == b)\n"
            "print(hex(a), bin(b %% 1000), int(str(a)) == a)\n" % (a, b, e))


def _strings(rng, i):
    s = _words(rng, rng.randint(1, 6))
    n = rng.randint(-500, 5000)
    return ("s = %r\nn = %d\n"
            "print(s.upper(), s.lower(), len(s))\n"
            "print(s[-3:], s[1:4], s.find('a'), s.count('e'))\n"
            "print(s.split(), '-'.join(s.split()), s.replace('a', 'AA'))\n"
            "print('%%s|%%5d|%%-4s|' %% (s[:3], n, 'x'), '{}:{:>6}'.format(n, s[:2]))\n"
            "print(repr(s), s.strip(), s.startswith('a'))\n"
            "print(f'{n:07d}|{s!r:.5}|{n * 2}')\n"
            "print(sorted(set(s)), s.encode(), bytes(s, 'utf-8')[:3])\n" % (s, n))


def _exceptions(rng, i):
    kind = i % 6
    k = rng.randint(0, 4)
    if kind == 0:
        return ("def f(x):\n"
                "    if x >= %d:\n"
                "        raise ValueError('v%%d' %% x)\n"
                "    return f(x + 1)\n"
                "print('start')\n"
                "f(0)\n"
                "print('not reached')\n" % k)
    if kind == 1:
        return ("try:\n"
                "    [1, 2][%d]\n"
                "except IndexError as e:\n"
                "    print('caught', type(e).__name__)\n"
                "try:\n"
                "    {}['k%d']\n"
                "except KeyError as e:\n"
                "    print('key', e.args)\n" % (k + 2, k))
    if kind == 2:
        return ("class MyErr(Exception):\n"
                "    pass\n"
                "class Box:\n"
                "    def open(self, n):\n"
                "        if n:\n"
                "            raise MyErr('m%d')\n"
                "        raise MyErr\n"
                "print('box')\n"
                "Box().open(%d)\n" % (k, k % 2))
    if kind == 3:
        return ("try:\n"
                "    print('a%d')\n"
                "    raise RuntimeError('r%d')\n"
                "finally:\n"
                "    print('f')\n" % (k, k))
    if kind == 4:
        return ("def g():\n"
                "    try:\n"
                "        1 // 0\n"
                "    except ZeroDivisionError:\n"
                "        raise TypeError('converted %d')\n"
                "for i in range(%d):\n"
                "    print('loop', i)\n"
                "g()\n" % (k, k))
    return ("x = %d\n"
            "assert x < 100, 'small'\n"
            "print('ok', x)\n"
            "raise %s\n" % (k, rng.choice(["StopIteration", "ValueError", "OSError", "NotImplementedError"])))


def _defs(rng, i):
    kind = i % 5
    n = rng.randint(2, 12)
    if kind == 0:
        return ("def fib(n):\n"
                "    a, b = 0, 1\n"
                "    for _ in range(n):\n"
                "        a, b = b, a + b\n"
                "    return a\n"
                "print([fib(i) for i in range(%d)])\n" % (n * 5))
    if kind == 1:
        return ("class Point:\n"
                "    def __init__(self, x, y):\n"
                "        self.x = x\n"
                "        self.y = y\n"
                "    def __add__(self, o):\n"
                "        return Point(self.x + o.x, self.y + o.y)\n"
                "    def __repr__(self):\n"
                "        return 'Point(%%d, %%d)' %% (self.x, self.y)\n"
                "p = Point(0, 0)\n"
                "for i in range(%d):\n"
                "    p = p + Point(i, -i * 2)\n"
                "print(p, [Point(i, i) for i in range(3)])\n" % n)
    if kind == 2:
        return ("def counter():\n"
                "    c = 0\n"
                "    def inc(k=1):\n"
                "        nonlocal c\n"
                "        c += k\n"
                "        return c\n"
                "    return inc\n"
                "f = counter()\n"
                "print([f(i) for i in range(%d)])\n" % n)
    if kind == 3:
        return ("def gen(n):\n"
                "    for i in range(n):\n"
                "        if i %% 3:\n"
                "            yield i * i\n"
                "d = {}\n"
                "for v in gen(%d):\n"
                "    d[v %% 7] = d.get(v %% 7, 0) + v\n"
                "print(sorted(d.items()), sum(gen(%d)), list(map(str, gen(5))))\n" % (n * 3, n))
    return ("i = 0\n"
            "total = 0\n"
            "while True:\n"
            "    i += 1\n"
            "    if i %% 2:\n"
            "        continue\n"
            "    total += i\n"
            "    if i > %d:\n"
            "        break\n"
            "else:\n"
            "    print('no')\n"
            "print(i, total, [x for x in range(%d) if x %% 3 == 0])\n" % (n * 10, n * 4))


def _lines(rng, i):
    n = rng.randint(20, 300)
    pad = "# " + "y" * rng.randint(0, 600) + "\n" if i % 3 == 0 else ""
    return (pad + "for i in range(%d):\n"
            "    print(i, i * i, 'x' * (i %% 7))\n"
            "print('done', %d)\n" % (n, n))


def snippets(count=200, seed=5):
    rng = random.Random(seed)
    kinds = [_arith, _strings, _exceptions, _defs, _lines]
    return [kinds[i % len(kinds)](rng, i // len(kinds)) for i in range(count)]


def expected(code):
    """(output, error text) as the board sends them: what CPython prints, and an uncaught
    exception's traceback in MicroPython's format; line ends \\r\\n."""
    out = io.StringIO()
    err = ""
    g = {"__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(code, "<stdin>", "exec"), g)
        except Exception as e:  # noqa: BLE001
            frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "<stdin>"]
            lines = ["Traceback (most recent call last):"]
            lines += ['  File "<stdin>", line %d, in %s' % (f.lineno, f.name) for f in frames]
            # MicroPython prints "Name: " also for an exception without arguments
            lines.append(type(e).__name__ + ": " + (str(e) if e.args else ""))
            err = "\n".join(lines) + "\n"
    conv = lambda s: s.replace("\n", "\r\n").encode()
    return conv(out.getvalue()), conv(err)


def run_snippets(raw, codes, paste_every=2):
    failures = []
    for n, code in enumerate(codes):
        want = expected(code)
        got = raw.exec(code, paste=(n % paste_every == 0))
        if got != want:
            failures.append((n, code, want, got))
    assert not failures, "%d of %d snippets differ; first: %r" % (len(failures), len(codes), failures[0])


def test_200_snippets_over_telnet(session):
    raw = RawRepl(session)
    raw.enter()
    run_snippets(raw, snippets(200))
    assert raw.paste_supported is True
    assert raw.windows_acked > 0


def test_snippets_on_the_terminal(board):
    board.term.read_until(PROMPT)
    raw = RawRepl(board.term)
    raw.enter()
    run_snippets(raw, snippets(40, seed=9))


def test_snippets_on_a_pty_terminal(make_board):
    b = make_board(use_pty=True)
    b.term.read_until(PROMPT)
    raw = RawRepl(b.term)
    raw.enter()
    run_snippets(raw, snippets(20, seed=11))


# ---- the raw REPL's parts ----

def test_enter_exec_split_exit(session):
    session.send(b"\x01")
    session.read_until(RAW_BANNER)
    session.send(b"print('x')\nprint('y')\n1/0\x04")
    assert session.read_exact(2) == b"OK"
    out = session.read_until(b"\x04")
    err = session.read_until(b"\x04")
    assert out == b"x\r\ny\r\n\x04"
    assert err.startswith(b"Traceback (most recent call last):\r\n") and err.endswith(b"\r\n\x04"), err
    assert session.read_exact(1) == b">"
    assert session.read_for(0.2) == b""
    # a syntax error: no output, the error in the second part
    session.send(b"def (\x04")
    got = session.read_until(b"\x04>")
    assert got.startswith(b"OK\x04") and b"SyntaxError" in got, got
    # Ctrl-B back to the friendly REPL, whose banner comes back
    session.send(b"\x02")
    got = session.read_until(PROMPT)
    assert b'Type "help()" for more information.\r\n>>> ' in got, got
    session.send(b"print(7)\r")
    assert session.read_until(PROMPT).endswith(b"7\r\n>>> ")


def test_raw_soft_reset(session):
    raw = RawRepl(session)
    raw.enter()
    # main.py must not run on a soft reset from the raw REPL; boot.py does
    out, err = raw.exec("f = open('/flash/main.py', 'w')\nf.write('print(\"MAIN-RAN\")\\n')\nf.close()\n"
                        "f = open('/flash/boot.py', 'a')\nf.write('print(\"BOOT-RAN\")\\r\\n')\nf.close()\n"
                        "kept = 1")
    assert (out, err) == (b"", b"")
    between = raw.soft_reset()
    assert b"MPY: soft reboot\r\n" in between, between
    assert between.startswith(b"\r\nMPY: soft reboot\r\n") or between.startswith(b"MPY: soft reboot\r\n"), between
    assert b"BOOT-RAN\r\n" in between, between
    assert b"MAIN-RAN" not in between, between
    # a new heap: the old globals are gone
    out, err = raw.exec("print('kept' in globals())")
    assert (out, err) == (b"False\r\n", b"")


def test_raw_ctrl_c_interrupts_running_code(session):
    session.send(b"\x01")
    session.read_until(RAW_BANNER)
    session.send(b"print('spin')\nwhile True:\n    pass\n\x04")
    assert session.read_until(b"spin\r\n") == b"OKspin\r\n"  # running, Ctrl-C live
    session.send(b"\x03")
    out = session.read_until(b"\x04")
    err = session.read_until(b"\x04>")
    assert out == b"\x04"
    assert err.startswith(b"Traceback (most recent call last):\r\n"), err
    assert err.endswith(b"KeyboardInterrupt: \r\n\x04>") or err.endswith(b"KeyboardInterrupt\r\n\x04>"), err


def test_raw_ctrl_c_clears_buffer_and_ctrl_a_restarts(session):
    session.send(b"\x01")
    session.read_until(RAW_BANNER)
    session.send(b"print('lost')\x03print('kept')\x04")
    assert session.read_until(b"\x04>") == b"OKkept\r\n\x04\x04>"
    session.send(b"print('x')\x01")
    session.read_until(RAW_BANNER)
    session.send(b"print('y')\x04")
    assert session.read_until(b"\x04>") == b"OKy\r\n\x04\x04>"


def test_raw_paste_flow_control(session):
    session.send(b"\x01")
    session.read_until(RAW_BANNER)
    session.send(b"\x05A\x01")
    assert session.read_exact(2) == b"R\x01"
    w = session.read_exact(2)
    window = w[0] | w[1] << 8
    assert window == 257  # "\x01\x01": no NUL for telnetlib to drop (firmware/repl_raw.h)
    line = b"x = 1  # " + b"z" * 200 + b"\n"
    code = (line * 20)[:window * 5] + b"\nprint('pasted', x)\n"
    # one window: exactly one \x01 comes back once it is consumed, and nothing more
    session.send(code[:window])
    assert session.read_exact(1) == b"\x01"
    assert session.read_for(0.3) == b""
    sent = window
    credit = window
    while sent < len(code):
        chunk = code[sent:sent + credit]
        session.send(chunk)
        sent += len(chunk)
        credit -= len(chunk)
        if credit == 0:
            assert session.read_exact(1) == b"\x01"
            credit = window
    session.send(b"\x04")
    tail = session.read_until(b"\x04>")
    assert tail.lstrip(b"\x01") == b"\x04pasted 1\r\n\x04\x04>", tail


def test_raw_paste_runs_large_program(session):
    raw = RawRepl(session)
    raw.enter()
    body = "".join("v%d = %d\n" % (i, i * 3) for i in range(400))
    code = body + "print(v399 + v1)\n"
    out, err = raw.exec(code, paste=True)
    assert (out, err) == (b"1200\r\n", b""), (out, err)
    assert raw.windows_acked >= len(code) // 257 - 1


def test_plain_raw_fallback_client():
    """The client's own fallback path, against a scripted device that does not know raw-paste
    (it echoes the raw banner as an old firmware's Ctrl-A does), so the board tests above stay
    meaningful when a device answers otherwise."""

    class OldDevice:
        def __init__(self):
            self.buf = bytearray()
            self.sent = bytearray()

        def write(self, data):
            self.sent += data
            if data == b"\x05A\x01":
                self.buf += b"raw REPL; CTRL-B to exit\r\n>"
            elif data.endswith(b"\x04"):
                self.buf += b"OK7\r\n\x04\x04>"

        def read_exact(self, n, timeout=None):
            d = bytes(self.buf[:n])
            del self.buf[:n]
            return d

        def read_until(self, token, timeout=None):
            i = self.buf.find(token)
            assert i >= 0
            d = bytes(self.buf[:i + len(token)])
            del self.buf[:i + len(token)]
            return d

    dev = OldDevice()
    raw = RawRepl(dev)
    assert raw.exec("print(7)") == (b"7\r\n", b"")
    assert raw.paste_supported is False
    assert dev.sent.endswith(b"print(7)\x04")


# ---- MicroPython's tools: the byte sequences of pyboard.py and run-tests.py ----

class PyboardLike:
    """Performs, with this suite's own code, the sequence of MicroPython's tools/pyboard.py talking
    to a board at an IPv4 address: TelnetToSerial's login (telnetlib answering the negotiation,
    lines ending in \\r\\n; the password at once: pyboard.py's own 0.2 s pause is covered by
    test_pyboard_tool.py running it unmodified), then Pyboard.enter_raw_repl, exec_raw
    (raw-paste or, in 2020 versions, 256-byte chunks every 10 ms), follow, exit_raw_repl."""

    def __init__(self, port, raw_paste, ctrl_c=b"\r\x03\x03"):
        self.t = Telnet(port, filter_iac=True, answer=True)
        self.raw_paste = raw_paste
        self.ctrl_c = ctrl_c
        t = self.t
        t.read_until(b"Login as:")
        t.send(b"micro\r\n")
        t.read_until(b"Password:")
        t.send(b"python\r\n")
        t.read_until(b'Type "help()" for more information.')

    def enter_raw_repl(self, soft_reset=True):
        t = self.t
        t.send(self.ctrl_c)
        t.pending()
        t.send(b"\r\x01")
        if soft_reset:
            t.read_until(RAW_BANNER)
            t.send(b"\x04")
            t.read_until(b"soft reboot\r\n")
        t.read_until(b"raw REPL; CTRL-B to exit\r\n")

    def exec_(self, code):
        t = self.t
        t.read_until(b">")
        if self.raw_paste:
            t.send(b"\x05A\x01")
            assert t.read_exact(2) == b"R\x01"
            w = t.read_exact(2)
            window = remain = w[0] | w[1] << 8
            i = 0
            while i < len(code):
                while remain == 0 or t.pending_peek():
                    b = t.read_exact(1)
                    assert b == b"\x01", b
                    remain += window
                chunk = code[i:i + remain]
                t.send(chunk)
                remain -= len(chunk)
                i += len(chunk)
            t.send(b"\x04")
            t.read_until(b"\x04")
        else:
            for i in range(0, len(code), 256):  # 256-byte chunks (pyboard's pause between them not needed)
                t.send(code[i:i + 256])
            t.send(b"\x04")
            assert t.read_exact(2) == b"OK"
        out = t.read_until(b"\x04")[:-1]
        err = t.read_until(b"\x04")[:-1]
        return out, err

    def exit_raw_repl(self):
        self.t.send(b"\r\x02")


@pytest.mark.parametrize("raw_paste,ctrl_c", [(False, b"\r\x03\x03"), (True, b"\r\x03\x03"), (True, b"\r\x03")],
                         ids=["pyboard-2020", "pyboard-2021", "pyboard-2023"])
def test_pyboard_sequence(board, raw_paste, ctrl_c):
    pyb = PyboardLike(board.port, raw_paste, ctrl_c)
    pyb.enter_raw_repl()
    assert pyb.exec_(b"print(1+1)") == (b"2\r\n", b"")
    # Pyboard.fs_put / fs_cat / fs_get-like exchanges
    data = bytes(range(256)) * 3
    assert pyb.exec_(b"f=open('t.bin','wb')\nw=f.write") == (b"", b"")
    for i in range(0, len(data), 256):
        assert pyb.exec_(b"w(" + repr(data[i:i + 256]).encode() + b")") == (b"", b"")
    assert pyb.exec_(b"f.close()") == (b"", b"")
    out, err = pyb.exec_(b"f=open('t.bin','rb')\nr=f.read\nprint(r(300))\nf.close()")
    assert err == b"" and out.endswith(b"\r\n") and eval(out[:-2]) == data[:300]
    out, err = pyb.exec_(b"import os\nprint(os.stat('/flash/t.bin')[6])")  # the cwd is /flash
    assert (out, err) == (b"768\r\n", b"")
    out, err = pyb.exec_(b"raise ValueError('oops')")
    assert out == b"" and err.endswith(b"ValueError: oops\r\n"), err
    pyb.exit_raw_repl()
    pyb.t.read_until(PROMPT)
    # run-tests.py: a soft reset before every test file, the board still in raw mode between them
    for n in range(3):
        pyb.enter_raw_repl()
        out, err = pyb.exec_(b"import sys\nprint(sys.platform, %d)\nfor i in range(3):\n    print(i)\n" % n)
        assert (out, err) == (b"WiPy %d\r\n0\r\n1\r\n2\r\n" % n, b"")
    pyb.exit_raw_repl()
    pyb.t.close()


def test_run_tests_feature_checks(board):
    """run-tests.py with a board target: enter_raw_repl once, then each test file (and its feature
    checks) through exec_ with a soft reset before each."""
    pyb = PyboardLike(board.port, raw_paste=True)
    pyb.enter_raw_repl()
    checks = [b"print('ok')\n",
              b"try:\n    import uasyncio\n    print('async')\nexcept ImportError:\n    print('SKIP')\n",
              b"print(type(1 << 70))\n",
              b"import sys\nprint(sys.byteorder)\n"]
    for code in checks:
        pyb.enter_raw_repl()
        out, err = pyb.exec_(code)
        assert err == b"" and out.endswith(b"\r\n"), (code, out, err)
    pyb.t.close()


# ---- raw-paste through Python's telnetlib (what pyboard.py from 2021 on uses over telnet) ----

def _telnetlib_raw(board):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import telnetlib
    tn = telnetlib.Telnet("127.0.0.1", board.port, timeout=5 * SCALE)
    tn.read_until(b"Login as: ", 5 * SCALE)
    tn.write(b"micro\r\n")
    tn.read_until(b"Password: ", 5 * SCALE)
    tn.write(b"python\r\n")
    tn.read_until(b'for more information.\r\n', 5 * SCALE)
    tn.write(b"\r\x01")
    assert tn.read_until(RAW_BANNER, 5 * SCALE).endswith(RAW_BANNER)
    return tn


def _read_n(tn, n):
    """n bytes of what telnetlib delivers (it drops NUL and DC1 bytes on the way)."""
    buf = b""
    while len(buf) < n:
        d = tn.read_some()  # blocks for the next bytes (the socket's timeout bounds it)
        if not d:
            break
        buf += d
    return buf


def test_raw_paste_through_telnetlib(board):
    """The raw-paste header must reach a telnetlib client whole: with a 128 window ("\x80\x00")
    the NUL was dropped and pyboard.py waited for ever for the window's second byte."""
    tn = _telnetlib_raw(board)
    try:
        tn.write(b"\x05A\x01")
        hdr = _read_n(tn, 4)
        assert hdr[:2] == b"R\x01" and len(hdr) == 4, hdr
        window = hdr[2] | hdr[3] << 8
        code = b"".join(b"a%d = %d\n" % (i, i) for i in range(120)) + b"print(a119 + a7)\n"
        sent, credit, acks = 0, window, 0
        while sent < len(code):
            chunk = code[sent:sent + credit]
            tn.write(chunk)
            sent += len(chunk)
            credit -= len(chunk)
            if credit == 0:
                assert _read_n(tn, 1) == b"\x01"
                credit, acks = window, acks + 1
        tn.write(b"\x04")
        out = tn.read_until(b"\x04>", 5 * SCALE)
        assert out.endswith(b"\x04126\r\n\x04\x04>"), out
        assert acks == len(code) // window
    finally:
        tn.close()


def test_ctrl_c_cancels_raw_paste(session):
    """A client that gives up mid-paste (pyboard's \r\x03 on its next connection) must not leave the
    board collecting paste data: Ctrl-C ends the data (acknowledged with \x04, as MicroPython does),
    reports KeyboardInterrupt as the program's error, and the raw prompt is back."""
    session.send(b"\x01")
    session.read_until(RAW_BANNER)
    session.send(b"\x05A\x01")
    assert session.read_exact(4)[:2] == b"R\x01"
    session.send(b"print('never')\n")
    session.send(b"\x03")
    got = session.read_until(b"\x04>")
    assert got == b"\x04\x04KeyboardInterrupt: \r\n\x04>", got
    session.send(b"print('after')\x04")
    assert session.read_until(b"\x04>") == b"OKafter\r\n\x04\x04>"
