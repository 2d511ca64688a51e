"""The board-process harness every pytest suite under tests/ shares (spec §1, §8-§12): real
`wipy --state DIR` processes on temporary state directories with every server on a free loopback
port, and the clients the tests talk to them through.

- Board: one board process. Its terminal (stdin/stdout) is a pipe or a pty; a thread drains stdout
  into `board.term` all the time, so a board that prints without end never blocks on us. The
  process runs in a session of its own and the whole group is killed at the end, even when a test
  fails (and after machine.reset(), whatever pid the restarted board has).
- Stream: bytes read with bounded waits (read_until / read_exact / read_regex) from a buffer;
  every wait has a timeout and fails with the bytes seen so far. PolledStream reads a descriptor
  in the caller's thread (sockets, ptys); SocketStream is one on a TCP connection.
- Telnet: a raw-socket client that records the exact bytes (IAC included) or, once logged in,
  filters the telnet commands out as a client would.
- RawRepl: a raw-REPL client written from spec §9 (enter, exec, output/error split, soft reset,
  raw-paste with flow control, fallback to plain raw mode); Session: a board and a raw REPL on it.
- Board.control_client(): tools/wipyctl's Control on the board's --control server.
- Fixtures (a suite's conftest.py imports those it offers): make_board, board, session,
  make_session, rig.

Every timeout is multiplied by $BOARD_TIMEOUT_SCALE (default 1; the ASan build is slower)."""
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RIGS = os.path.join(ROOT, "boards")
RIG = os.path.join(RIGS, "cc3200-test-rig.json")  # GP12-GP17 and GP13-GP16 wired together
BARE = os.path.join(RIGS, "wipy.json")
sys.path.insert(0, os.path.join(ROOT, "tools"))
from wipyctl import Control, ControlError  # noqa: E402,F401  (the control client, for every suite)
SCALE = float(os.environ.get("BOARD_TIMEOUT_SCALE", "1"))
T = 10 * SCALE  # the default bound of one wait

TELNET_LINE = re.compile(rb"Telnet server on ([0-9.]+):(\d+)\r*\n")
FTP_LINE = re.compile(rb"FTP server on ([0-9.]+):(\d+) \(passive data port (\d+)\)\r*\n")
CONTROL_LINE = re.compile(rb"Control on ([0-9.]+):(\d+)\r*\n")
BANNER_RE = re.compile(rb"MicroPython \S+ on \S+; WiPy with CC3200\r\n")
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
PROMPT = b">>> "

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
LOGIN_NEG = bytes([IAC, WONT, 1, IAC, WONT, 3, IAC, WILL, 34])
PASS_NEG = bytes([IAC, WILL, 1, IAC, WONT, 3, IAC, WILL, 34])
OK_NEG = bytes([IAC, WILL, 1, IAC, WILL, 3, IAC, WONT, 34])
LOGIN_OK = OK_NEG + b'\r\nLogin succeeded!\r\nType "help()" for more information.\r\n'
LOGIN_BAD = b"\r\nInvalid credentials, try again.\r\n"

FIRST_MAIN = b"# main.py -- put your code here!\r\n"
FIRST_BOOT = (b"# boot.py -- run on boot to configure USB and filesystem\r\n# Put app code in main.py\r\n"
              b"import os, machine\r\nos.dupterm(machine.UART(0, 115200))\r\n")


def wipy_path():
    return os.environ.get("WIPY", os.path.join(ROOT, "build", "wipy"))


class Timeout(AssertionError):
    pass


class Stream:
    """A byte buffer filled by _fill(); reads consume from the front."""

    def __init__(self, name):
        self.name = name
        self.buf = bytearray()
        self.eof = False

    def _fill(self, timeout):
        """Adds what arrives within timeout to self.buf; sets self.eof at the end of the stream."""
        raise NotImplementedError

    def _fail(self, what, timeout):
        tail = bytes(self.buf[-600:])
        raise Timeout("%s: %s not seen within %.1f s (eof=%s); last bytes: %r" % (self.name, what, timeout, self.eof, tail))

    def read_until(self, token, timeout=None):
        """Everything up to and including token."""
        timeout = T if timeout is None else timeout
        end = time.monotonic() + timeout
        start = 0
        while True:
            i = self.buf.find(token, start)
            if i >= 0:
                n = i + len(token)
                data = bytes(self.buf[:n])
                del self.buf[:n]
                return data
            start = max(0, len(self.buf) - len(token) + 1)
            left = end - time.monotonic()
            if left <= 0 or self.eof:
                self._fail(repr(token), timeout)
            self._fill(min(left, 0.5))

    def read_regex(self, pattern, timeout=None):
        """The match object of pattern (bytes regex); consumes up to its end."""
        timeout = T if timeout is None else timeout
        rx = re.compile(pattern) if isinstance(pattern, bytes) else pattern
        end = time.monotonic() + timeout
        while True:
            m = rx.search(bytes(self.buf))
            if m:
                del self.buf[:m.end()]
                return m
            left = end - time.monotonic()
            if left <= 0 or self.eof:
                self._fail("/%r/" % rx.pattern, timeout)
            self._fill(min(left, 0.5))

    def read_exact(self, n, timeout=None):
        timeout = T if timeout is None else timeout
        end = time.monotonic() + timeout
        while len(self.buf) < n:
            left = end - time.monotonic()
            if left <= 0 or self.eof:
                self._fail("%d bytes" % n, timeout)
            self._fill(min(left, 0.5))
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def read_all(self, timeout=None):
        """Everything until the end of the stream."""
        timeout = T if timeout is None else timeout
        end = time.monotonic() + timeout
        while not self.eof:
            left = end - time.monotonic()
            if left <= 0:
                self._fail("end of stream", timeout)
            self._fill(min(left, 0.5))
        data = bytes(self.buf)
        self.buf.clear()
        return data

    def read_for(self, seconds):
        """What arrives within `seconds` (for checks that nothing more comes)."""
        end = time.monotonic() + seconds
        while not self.eof:
            left = end - time.monotonic()
            if left <= 0:
                break
            self._fill(left)
        data = bytes(self.buf)
        self.buf.clear()
        return data

    def pending(self):
        """What has arrived so far, without waiting."""
        self._fill(0)
        data = bytes(self.buf)
        self.buf.clear()
        return data

    def clear(self):
        self.pending()

    def pending_peek(self):
        """True if bytes are waiting (without consuming them)."""
        self._fill(0)
        return len(self.buf) > 0


class FdReaderStream(Stream):
    """The board's terminal output, drained by a thread into a buffer as it comes."""

    def __init__(self, fd, name):
        super().__init__(name)
        self._fd = fd
        self._incoming = bytearray()
        self._cond = threading.Condition()
        self._done = False
        self.total = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while True:
            try:
                d = os.read(self._fd, 65536)
            except OSError:  # EIO on a pty whose other side is gone
                d = b""
            with self._cond:
                if not d:
                    self._done = True
                    self._cond.notify_all()
                    return
                self._incoming += d
                self.total += len(d)
                self._cond.notify_all()

    def _fill(self, timeout):
        with self._cond:
            if not self._incoming and not self._done and timeout > 0:
                self._cond.wait(timeout)
            self.buf += self._incoming
            self._incoming.clear()
            if self._done:
                self.eof = True

    def wait_total(self, n, timeout=None):
        """Waits until n bytes in all have arrived on this stream (counted, not consumed)."""
        timeout = T if timeout is None else timeout
        with self._cond:
            ok = self._cond.wait_for(lambda: self.total >= n or self._done, timeout)
            if not ok or self.total < n:
                raise Timeout("%s: %d bytes in all not seen within %.1f s (got %d)" % (self.name, n, timeout, self.total))

    def write(self, data):
        self.writer(data)


class PolledStream(Stream):
    """A stream read in the caller's thread: select() on a descriptor, then one read. `raw` keeps
    every byte received; `buf` gets what _incoming() makes of them."""
    GONE = (ConnectionResetError, ConnectionAbortedError)  # a read error that means end of stream

    def __init__(self, name):
        super().__init__(name)
        self.raw = bytearray()

    def _source(self):
        """What select() waits on (a descriptor or a socket)."""
        raise NotImplementedError

    def _recv(self):
        raise NotImplementedError

    def _incoming(self, data):
        return data

    def _fill(self, timeout):
        if self.eof:
            return
        r, _, _ = select.select([self._source()], [], [], max(0, timeout))
        if not r:
            return
        try:
            d = self._recv()
        except self.GONE:
            d = b""
        if not d:
            self.eof = True
            return
        self.raw += d
        self.buf += self._incoming(d)


class SocketStream(PolledStream):
    """A TCP connection read with bounded waits."""

    def __init__(self, name, sock):
        super().__init__(name)
        self.sock = sock

    def _source(self):
        return self.sock

    def _recv(self):
        return self.sock.recv(65536)

    def send(self, data):
        self.sock.sendall(data)

    write = send

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Board:
    """One board process: `wipy --state DIR --telnet-port 0 [args]`."""
    count = 0

    def __init__(self, state, args=(), use_pty=False, wipy=None, wait=True, port=0):
        self.state = os.path.abspath(str(state))
        self.wipy = wipy or wipy_path()
        self.args = ["--state", self.state, "--telnet-port", str(port)] + list(args)
        if "--ftp-port" not in args:  # never the shared port 21: tests run side by side
            self.args += ["--ftp-port", "0", "--ftp-data-port", "0"]
        self.use_pty = use_pty
        Board.count += 1
        self.errpath = "%s.stderr.%d" % (self.state, Board.count)
        self.err = open(self.errpath, "wb")
        self.start_time = time.monotonic()
        if use_pty:
            import fcntl
            import termios
            self.master, slave = os.openpty()

            def ctty():  # the pty becomes the board's controlling terminal, as in a shell
                fcntl.ioctl(0, termios.TIOCSCTTY, 0)

            self.proc = subprocess.Popen([self.wipy] + self.args, stdin=slave, stdout=slave, stderr=self.err,
                                         start_new_session=True, preexec_fn=ctty, close_fds=True,
                                         cwd=os.path.dirname(self.state))
            os.close(slave)
            self.term = FdReaderStream(self.master, "terminal(pty)")
            self._in = self.master
        else:
            self.proc = subprocess.Popen([self.wipy] + self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self.err, start_new_session=True, bufsize=0,
                                         cwd=os.path.dirname(self.state))
            self.term = FdReaderStream(self.proc.stdout.fileno(), "terminal(pipe)")
            self._in = self.proc.stdin.fileno()
        self.term.writer = self.write
        self.pgid = self.proc.pid
        self.port = None
        self.control_port = None
        if wait:
            self.wait_telnet_line()

    @property
    def pid(self):
        return self.proc.pid

    def wait_telnet_line(self, timeout=None):
        m = self.term.read_regex(TELNET_LINE, timeout)
        self.before_telnet_line = m.string[:m.start()]
        self.host = m.group(1).decode()
        self.port = int(m.group(2))
        f = FTP_LINE.search(self.before_telnet_line)
        self.ftp_port = int(f.group(2)) if f else None
        self.ftp_data_port = int(f.group(3)) if f else None
        return self.port

    def write(self, data):
        view = memoryview(data)
        while view:
            n = os.write(self._in, view)
            view = view[n:]

    def close_stdin(self):
        if self.use_pty:
            raise RuntimeError("a pty has no separate stdin to close")
        self.proc.stdin.close()

    def alive(self):
        return self.proc.poll() is None

    def stderr_text(self):
        if not self.err.closed:
            self.err.flush()
        with open(self.errpath, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def telnet(self, login=True, **kw):
        t = Telnet(self.port, **kw)
        if login:
            t.login()
        return t

    def control_client(self):
        """A new client of the board's control server (started with --control 127.0.0.1:0): the
        server's line is read from the terminal the first time; `control_port` is its port."""
        if self.control_port is None:
            m = CONTROL_LINE.search(self.before_telnet_line) or self.term.read_regex(CONTROL_LINE)
            self.control_port = int(m.group(2))
        return Control(self.control_port, timeout=T)

    def kill(self):
        """SIGTERM to the board's process group, then SIGKILL; returns the exit status."""
        for sig, wait in ((signal.SIGTERM, 3 * SCALE), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.pgid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
        # whatever a hard reset left in the group
        try:
            os.killpg(self.pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        rc = self.proc.wait(5)
        if self.use_pty:
            try:
                os.close(self.master)
            except OSError:
                pass
        else:
            for f in (self.proc.stdin, ):
                try:
                    f.close()
                except (OSError, BrokenPipeError):
                    pass
        self.err.close()
        return rc

    def sanitizer_report(self):
        text = self.stderr_text()
        for marker in ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer"):
            if marker in text:
                return text
        return None


class Telnet(SocketStream):
    """A telnet client on a raw socket. With filter_iac, the server's telnet commands are removed
    from the data (and answered as telnetlib does: refuse everything); without it, the bytes are
    kept exactly as received."""

    def __init__(self, port, host="127.0.0.1", filter_iac=False, answer=False, timeout=None, rcvbuf=None):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(T if timeout is None else timeout)
        if rcvbuf:  # before connecting, so that the window offered stays small
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.connect((host, port))
        super().__init__("telnet:%d" % port, sock)  # raw: every byte received, unfiltered
        self.filter_iac = filter_iac
        self.answer = answer
        self._iac = b""
        self.negotiation = []   # (command, option) pairs received while filtering

    def _incoming(self, d):
        return self._filter(d) if self.filter_iac else d

    def _filter(self, d):
        d = self._iac + d
        self._iac = b""
        out = bytearray()
        i = 0
        while i < len(d):
            c = d[i]
            if c != IAC:
                out.append(c)
                i += 1
                continue
            if i + 1 >= len(d):
                self._iac = d[i:]
                break
            cmd = d[i + 1]
            if cmd == IAC:
                out.append(IAC)
                i += 2
            elif cmd in (WILL, WONT, DO, DONT):
                if i + 2 >= len(d):
                    self._iac = d[i:]
                    break
                opt = d[i + 2]
                self.negotiation.append((cmd, opt))
                if self.answer:  # as telnetlib: DONT for WILL/WONT, WONT for DO/DONT
                    self.send(bytes([IAC, DONT if cmd in (WILL, WONT) else WONT, opt]))
                i += 3
            elif cmd == SB:
                j = d.find(bytes([IAC, SE]), i)
                if j < 0:
                    self._iac = d[i:]
                    break
                i = j + 2
            else:
                i += 2
        return bytes(out)

    def login(self, user=b"micro", password=b"python", eol=b"\r"):
        """The dialogue of spec §10; afterwards telnet commands are filtered out. Returns the bytes
        received up to the end of the 'Type "help()"' line."""
        got = self.read_until(b"Login as: ")
        self.send(user + eol)
        got += self.read_until(b"Password: ")
        self.send(password + eol)
        got += self.read_until(b'Type "help()" for more information.\r\n')
        self.filter_iac = True
        return got

    def repl(self):
        """Logs in, waits for the first prompt; the session is then at the friendly REPL."""
        self.login()
        return self.repl_ready()

    def repl_ready(self):
        """After login: waits for the first prompt."""
        self.read_until(PROMPT)
        return self


def friendly_exec(stream, line, timeout=None):
    """Types one line at the friendly prompt; returns what was printed between the echo and the
    next prompt (the echo of `line` and its \\r\\n removed)."""
    stream.write(line + b"\r")
    out = stream.read_until(PROMPT, timeout)
    echo = line + b"\r\n"
    i = out.find(echo)
    assert i >= 0, (line, out)
    return out[i + len(echo):-len(PROMPT)]


class RawRepl:
    """A raw-REPL client from spec §9. `io` has write(bytes) and the Stream reads."""

    def __init__(self, io, use_paste=True):
        self.io = io
        self.use_paste = use_paste
        self.paste_supported = None
        self.windows_acked = 0

    def enter(self, soft_reset=False, timeout=None):
        io = self.io
        io.write(b"\r\x03\x03")          # interrupt whatever runs
        io.write(b"\r\x01")
        io.read_until(RAW_BANNER, timeout)  # what it printed before the banner is dropped
        if soft_reset:
            return self.soft_reset(timeout)
        return b""

    def soft_reset(self, timeout=None):
        """\\x04 on an empty buffer; returns what came between OK and the raw banner."""
        self.io.write(b"\x04")
        head = self.io.read_exact(2, timeout)
        assert head == b"OK", head
        return self.io.read_until(RAW_BANNER, timeout)

    def exit(self):
        self.io.write(b"\r\x02")

    def exec(self, code, timeout=None, paste=None):
        """Runs code; returns (output, error text) as the two \\x04-terminated parts."""
        if isinstance(code, str):
            code = code.encode()
        paste = self.use_paste if paste is None else paste
        if paste and self.paste_supported is not False:
            if self._paste(code, timeout):
                return self._follow(timeout)
        for i in range(0, len(code), 256):
            self.io.write(code[i:i + 256])
        self.io.write(b"\x04")
        ok = self.io.read_exact(2, timeout)
        assert ok == b"OK", (ok, self.io.buf[:200])
        return self._follow(timeout)

    def _follow(self, timeout):
        out = self.io.read_until(b"\x04", timeout)[:-1]
        err = self.io.read_until(b"\x04", timeout)[:-1]
        prompt = self.io.read_exact(1, timeout)
        assert prompt == b">", (out, err, prompt)
        return out, err

    def _paste(self, code, timeout):
        """Raw-paste with flow control; False if the device did not take it (then plain raw)."""
        io = self.io
        io.write(b"\x05A\x01")
        ans = io.read_exact(2, timeout)
        if ans == b"R\x00":
            self.paste_supported = False
            return False
        if ans != b"R\x01":
            # a device that does not know raw-paste took the bytes as input: Ctrl-A restarted the
            # raw REPL, whose banner we are reading the rest of
            io.read_until(b"w REPL; CTRL-B to exit\r\n>", timeout)
            self.paste_supported = False
            return False
        self.paste_supported = True
        w = io.read_exact(2, timeout)
        window = w[0] | w[1] << 8
        assert window > 0
        credit = window
        i = 0
        while i < len(code):
            while credit == 0 or io.pending_peek():
                b = io.read_exact(1, timeout)
                if b == b"\x01":
                    credit += window
                    self.windows_acked += 1
                elif b == b"\x04":  # the device ended the paste early
                    io.write(b"\x04")
                    return True
                else:
                    raise AssertionError("unexpected byte during raw-paste: %r" % b)
            chunk = code[i:i + credit]
            io.write(chunk)
            credit -= len(chunk)
            i += len(chunk)
        io.write(b"\x04")
        # flow-control bytes may still come before the \x04 that acknowledges the end
        while True:
            b = io.read_exact(1, timeout)
            if b == b"\x04":
                return True
            assert b == b"\x01", "unexpected byte at the end of raw-paste: %r" % b
            self.windows_acked += 1


def board_file_refused(tmp_path, text, wipy=None):
    """A board started on a board file holding `text` must refuse it as bad input: status 2, one
    line on stderr naming the file ("wipy: FILE: ..."), no state directory made. Returns the line."""
    path = tmp_path / "bad.json"
    path.write_text(text)
    state = tmp_path / "never"
    r = subprocess.run([wipy or wipy_path(), "--state", str(state), "--telnet-port", "0", "--board", str(path)],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=T)
    err = r.stderr.decode()
    assert r.returncode == 2, r
    assert err.count("\n") == 1 and err.startswith("wipy: %s: " % path), err
    assert not os.path.exists(state)
    return err


def exec_ok(raw, code, timeout=None):
    """Runs code in the raw REPL; returns stdout as text; a traceback fails the test."""
    out, err = raw.exec(code, timeout)
    assert err == b"", err.decode(errors="replace")
    return out.decode()


class Session:
    """A board and a raw REPL on it over a logged-in telnet session (`ready`: once the friendly
    prompt came)."""

    def __init__(self, board, ready=False):
        self.board = board
        self.t = board.telnet()
        if ready:
            self.t.repl_ready()
        self.raw = RawRepl(self.t)
        self.raw.enter()

    def run(self, code, timeout=None):
        """Runs code; returns stdout+stderr text (the traceback after the output)."""
        out, err = self.raw.exec(code, timeout)
        return (out + err).decode().replace("\r\n", "\n")

    def close(self):
        self.t.close()


# ---- fixtures (a suite's conftest.py imports the ones it offers) ----

@pytest.fixture
def make_board(tmp_path):
    """Starts boards (Board(state, ...)); every one started is killed at the end of the test, and
    a sanitizer report on a board's stderr fails the test."""
    started = []

    def start(state=None, **kw):
        if state is None:
            state = tmp_path / ("state%d" % len(started))
        b = Board(state, **kw)
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
def board(make_board):
    """A board booted on a fresh state directory, its telnet line read; the terminal is a pipe."""
    return make_board()


@pytest.fixture
def session(board):
    """A logged-in telnet session at the friendly prompt (IAC filtered)."""
    t = board.telnet(login=False)
    t.repl()
    yield t
    t.close()


@pytest.fixture
def make_session(make_board):
    """Starts boards with the given options, each with a raw REPL session (Session)."""
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
