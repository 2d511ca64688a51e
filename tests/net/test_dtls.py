"""DTLS (tls.PROTOCOL_DTLS_CLIENT / PROTOCOL_DTLS_SERVER over UDP sockets) against openssl's
s_server -dtls and s_client -dtls with the suite's ECDSA P-256 CA, both directions: a wrong CA
refused, HelloVerify cookies (a cookie made for another client refused), non-blocking DTLS under
select.poll, a peer that never answers (the retransmission timer resends, the socket's timeout
ends it), garbage datagrams, a peer that vanishes mid-session, and two boards over loopback."""
import errno
import os
import socket
import subprocess
import threading

import pytest

from conftest import T, run
from test_board_net import raw_session
from tls_peers import make_certs


# A board program's start: a non-blocking DTLS client socket (server port, CA file) under a poll
# waiting to write.
NONBLOCKING_CLIENT = """
import socket, tls, select, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(('127.0.0.1', %d))
s.setblocking(False)
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
ctx.verify_mode = tls.CERT_REQUIRED
ctx.load_verify_locations(cafile=%r)
ss = ctx.wrap_socket(s, server_hostname='localhost', do_handshake_on_connect=False)
p = select.poll()
p.register(ss, select.POLLOUT)"""


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certs(tmp_path_factory.mktemp("certs"))


class DtlsServer:
    """openssl s_server -dtls on a free loopback UDP port, one client; what the client sends comes
    out on its stdout, a line written with say() goes to the client."""

    def __init__(self, certs):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # holds a free UDP port
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sock.close()
        self.proc = subprocess.Popen(
            ["openssl", "s_server", "-dtls", "-accept", "127.0.0.1:%d" % self.port, "-cert", "server.pem",
             "-key", "server.key", "-naccept", "1"],
            cwd=certs, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.out = b""
        self.cond = threading.Condition()
        threading.Thread(target=self._drain, daemon=True).start()
        self.wait_for(b"ACCEPT")

    def _drain(self):
        for line in self.proc.stdout:
            with self.cond:
                self.out += line
                self.cond.notify_all()
        with self.cond:
            self.out += b"<eof>"
            self.cond.notify_all()

    def wait_for(self, what):
        with self.cond:
            assert self.cond.wait_for(lambda: what in self.out or b"<eof>" in self.out, T), self.out
            assert what in self.out, self.out

    def say(self, line):
        self.proc.stdin.write(line)
        self.proc.stdin.flush()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


CLIENT = """
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(('127.0.0.1', %(port)d))
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
ctx.verify_mode = tls.CERT_REQUIRED
ctx.load_verify_locations(cafile=%(ca)r)
try:
    ss = ctx.wrap_socket(s, server_hostname='localhost')
    print(ss.cipher()[1])
    ss.write(b'hello dtls\\n')
    print(ss.recv(100))
%(after)s    ss.close()
except OSError as e:
    print(type(e).__name__, repr(str(e)))
print('alive')
"""


def board_client(script, certs, port, ca="ca.pem", after=""):
    return script(CLIENT % {"port": port, "ca": os.path.join(certs, ca), "after": after})


def test_board_client_with_s_server(certs, script):
    srv = DtlsServer(certs)
    try:
        b = board_client(script, certs, srv.port)
        assert b.line() == "DTLSv1.2"
        srv.wait_for(b"hello dtls\n")
        srv.say(b"from openssl\n")
        assert b.finish() == (0, ["b'from openssl\\n'", "alive"])
    finally:
        srv.stop()


def test_wrong_ca_is_refused(certs, script):
    srv = DtlsServer(certs)
    try:
        b = board_client(script, certs, srv.port, ca="other_ca.pem")
        assert b.finish() == (0, ["SSLError '\\nThe certificate is not correctly signed by the trusted CA\\n'",
                                  "alive"])
    finally:
        srv.stop()


def test_peer_vanishing_mid_session(certs, script):
    """s_server killed after the first exchange: the next read is a clear OSError (the ICMP port
    unreachable of the write, or the socket's timeout), not a hang."""
    srv = DtlsServer(certs)
    try:
        b = board_client(script, certs, srv.port, after="""    import errno
    input()
    s.settimeout(2)
    try:
        ss.write(b'anyone?\\n')
        print(ss.recv(100))
    except OSError as e:
        print('gone', e.errno in (errno.ECONNREFUSED, errno.ETIMEDOUT))
""")
        assert b.line() == "DTLSv1.2"
        srv.wait_for(b"hello dtls\n")
        srv.say(b"once\n")
        assert b.line() == "b'once\\n'"
    finally:
        srv.stop()
    b.proc.stdin.write(b"go\n")
    b.proc.stdin.flush()
    assert b.finish() == (0, ["gone True", "alive"])


SERVER = """
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1])
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
ctx.load_cert_chain(%(cert)r, %(key)r)
for cid in %(ids)r:
    _, addr = s.recvfrom(1, socket.MSG_PEEK)
    s.connect(addr)
    try:
        ss = ctx.wrap_socket(s, server_side=True, client_id=cid or repr(addr).encode())
    except OSError as e:
        print(e)
        continue
    print('client', addr[0], ss.cipher()[1])
    ss.write(ss.recv(100).upper())
    ss.close()
    break
print('alive')
"""


def board_server(script, certs, ids=(None, None)):
    return script(SERVER % {"cert": os.path.join(certs, "server.pem"), "key": os.path.join(certs, "server.key"),
                            "ids": list(ids)})


def s_client_dtls(certs, port, data):
    p = subprocess.run(["openssl", "s_client", "-dtls", "-connect", "127.0.0.1:%d" % port, "-CAfile", "ca.pem",
                        "-verify_return_error", "-servername", "localhost", "-quiet"],
                       cwd=certs, input=data, capture_output=True, timeout=T)
    return p.returncode, p.stdout + p.stderr


HVR = "(-27264, 'MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED')"


def test_board_server_with_s_client(certs, script):
    """The board's server sends a HelloVerifyRequest to the first ClientHello (the wrap says so),
    s_client comes back with the cookie, and the second wrap completes."""
    b = board_server(script, certs)
    port = int(b.line())
    rc, out = s_client_dtls(certs, port, b"secret datagram\n")
    assert b.finish() == (0, [HVR, "client 127.0.0.1 DTLSv1.2", "alive"])
    assert b"SECRET DATAGRAM\n" in out, out


def test_cookie_made_for_another_client_is_refused(certs, script):
    """A cookie is bound to the client id: the second ClientHello carries a cookie made for id
    b'one', the wrap says b'two', so the board asks again; the third try (id b'two') succeeds."""
    b = board_server(script, certs, ids=(b"one", b"two", b"two"))
    port = int(b.line())
    rc, out = s_client_dtls(certs, port, b"third time\n")
    assert b.finish() == (0, [HVR, HVR, "client 127.0.0.1 DTLSv1.2", "alive"])
    assert b"THIRD TIME\n" in out, out


def test_non_blocking_dtls_under_poll(certs):
    srv = DtlsServer(certs)
    got = []

    def answer():
        srv.wait_for(b"non blocking\n")
        srv.say(b"polled\n")
        got.append(True)

    th = threading.Thread(target=answer, daemon=True)
    th.start()
    try:
        rc, out = run((NONBLOCKING_CLIENT + """
sent = False
got = b''
rounds = 0
while not got.endswith(b'\\n'):
    rounds += 1
    assert p.poll(5000), 'poll timed out'
    if not sent:
        if ss.write(b'non blocking\\n'):
            sent = True
            p.modify(ss, select.POLLIN)
    else:
        got += ss.read(100) or b''
print(got, rounds >= 2)
try:
    ss.recv(10)
except OSError as e:
    print('EAGAIN', e.errno == 11)
ss.close()
""") % (srv.port, os.path.join(certs, "ca.pem")))
    finally:
        th.join(T)
        srv.stop()
    assert got == [True]
    assert (rc, out) == (0, "b'polled\\n' True\nEAGAIN True\n")


def udp_peer(reply):
    """A UDP peer on a free port: records each datagram it gets and answers with reply(datagram)
    (None: no answer). Returns (port, received list, stop)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(0.2)
    got = []
    done = threading.Event()

    def serve():
        while not done.is_set():
            try:
                d, addr = s.recvfrom(65536)
            except socket.timeout:
                continue
            got.append(d)
            r = reply(d)
            if r is not None:
                s.sendto(r, addr)
        s.close()

    th = threading.Thread(target=serve, daemon=True)
    th.start()

    def stop():
        done.set()
        th.join(T)

    return s.getsockname()[1], got, stop


SILENT_CLIENT = """
import socket, tls, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(('127.0.0.1', %d))
s.settimeout(2)
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
t0 = time.ticks_ms()
try:
    ctx.wrap_socket(s)
except OSError as e:
    print(type(e).__name__, e)
print(time.ticks_diff(time.ticks_ms(), t0) >= 1900)
s.close()
print('alive')
"""


def test_peer_that_never_answers(script):
    """The ClientHello goes out again when the retransmission timer (1 s) runs out; the socket's
    2 s timeout ends the handshake with OSError(ETIMEDOUT) before the next resend (at 3 s)."""
    port, got, stop = udp_peer(lambda d: None)
    try:
        rc, out = run(SILENT_CLIENT % port)
    finally:
        stop()
    assert (rc, out) == (0, "OSError [Errno 110] ETIMEDOUT\nTrue\nalive\n")
    assert len(got) == 2 and got[0][0] == got[1][0] == 22, got  # two handshake records: a resend


def test_garbage_datagrams(script):
    """A peer answering every datagram with garbage: DTLS drops what isn't a record (RFC 6347
    4.1.2.7), so the handshake still ends by the timeout; a board server fed a garbage handshake
    record refuses it."""
    port, got, stop = udp_peer(lambda d: b"\x16\xfe\xfd garbage, not a record" * 3)
    try:
        rc, out = run(SILENT_CLIENT % port)
    finally:
        stop()
    assert (rc, out) == (0, "OSError [Errno 110] ETIMEDOUT\nTrue\nalive\n")
    assert len(got) >= 2
    rc, out = run("""
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.connect(s.getsockname())
c.send(b'\\x16\\xfe\\xfd' + bytes(range(64)))
_, addr = s.recvfrom(1, socket.MSG_PEEK)
s.connect(addr)
s.settimeout(1)
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
try:
    ctx.wrap_socket(s, client_id=b'x')
except OSError as e:
    print(type(e).__name__, e)
s.close()
print('alive')
""")
    assert (rc, out) == (0, "SSLError (-30976, 'MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO')\nalive\n")


def test_bad_arguments():
    rc, out = run("""
import tls, io
class Dummy(io.IOBase):
    def write(self, b): return len(b)
    def readinto(self, b): return None
    def ioctl(self, r, a): return 0
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
for cid in (None, 4, b''):
    try:
        ctx.wrap_socket(Dummy(), do_handshake_on_connect=False, client_id=cid)
    except OSError as e:
        print(type(e).__name__, e)
c = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT).wrap_socket(Dummy(), do_handshake_on_connect=False)
print(c.write(b'x'), c.read(5))
print(tls.PROTOCOL_DTLS_CLIENT != tls.PROTOCOL_DTLS_SERVER, tls.PROTOCOL_DTLS_CLIENT != tls.PROTOCOL_TLS_CLIENT)
""")
    bad = "SSLError (-28928, 'MBEDTLS_ERR_SSL_BAD_INPUT_DATA')\n"
    assert (rc, out) == (0, bad * 3 + "None None\nTrue True\n")


def test_two_boards_over_loopback(make_board, certs):
    """Board a is a DTLS server on the simulated network, board b its client (CA check on)."""
    read = lambda n: open(os.path.join(certs, n), "rb").read()
    a = make_board()
    b = make_board()
    ta, ra = raw_session(a)
    tb, rb = raw_session(b)
    out, err = ra.exec("""
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('0.0.0.0', 0))
print(s.getsockname()[1])
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
ctx.load_cert_chain(%r, %r)
""" % (read("server.pem"), read("server.key")))
    assert err == b"", err
    port = int(out.split(b"\r\n")[0])
    ra.io.write(b"""for i in range(2):
    _, addr = s.recvfrom(1, socket.MSG_PEEK)
    s.connect(addr)
    try:
        s = ctx.wrap_socket(s, server_side=True, client_id=repr(addr).encode())
    except OSError as e:
        print(e.args[1])
        continue
    s.write(s.recv(100).upper())
    s.close()
    break
\x04""".replace(b"\n", b"\r\n"))
    assert ra.io.read_exact(2) == b"OK"
    out, err = rb.exec("""
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(('192.168.1.1', %d))
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
ctx.verify_mode = tls.CERT_REQUIRED
ctx.load_verify_locations(%r)
s = ctx.wrap_socket(s, server_hostname='localhost')
s.write(b'board to board over dtls')
print(s.recv(100), s.cipher()[1])
s.close()
""" % (port, read("ca.pem")))
    assert (out, err) == (b"b'BOARD TO BOARD OVER DTLS' DTLSv1.2\r\n", b"")
    assert ra.io.read_until(b"\x04") == b"MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED\r\n\x04"


def lossy_relay(server_port):
    """A UDP relay on a free port to server_port that loses the first datagram its client sends
    (a ClientHello lost on the way). Returns (port, dropped list, stop)."""
    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    front.bind(("127.0.0.1", 0))
    back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    back.connect(("127.0.0.1", server_port))
    dropped = []
    done = threading.Event()

    def relay():
        import select as sel
        client = None
        while not done.is_set():
            r, _, _ = sel.select([front, back], [], [], 0.2)
            if front in r:
                d, client = front.recvfrom(65536)
                if not dropped:
                    dropped.append(d)
                else:
                    back.send(d)
            if back in r:
                try:
                    d = back.recv(65536)
                except ConnectionRefusedError:
                    continue
                if client:
                    front.sendto(d, client)
        front.close()
        back.close()

    th = threading.Thread(target=relay, daemon=True)
    th.start()

    def stop():
        done.set()
        th.join(T)

    return front.getsockname()[1], dropped, stop


def test_lost_hello_resent_under_poll(certs):
    """Non-blocking DTLS under select.poll with the first ClientHello lost: poll wakes when the
    retransmission timer runs out, the write resends, and the handshake completes."""
    srv = DtlsServer(certs)
    port, dropped, stop = lossy_relay(srv.port)
    try:
        rc, out = run((NONBLOCKING_CLIENT + """
t0 = time.ticks_ms()
while not ss.write(b'after a loss\\n'):
    assert p.poll(5000), 'poll timed out'
print(ss.cipher()[1], time.ticks_diff(time.ticks_ms(), t0) >= 900)
ss.close()
""") % (port, os.path.join(certs, "ca.pem")))
        srv.wait_for(b"after a loss\n")
    finally:
        stop()
        srv.stop()
    assert (rc, out) == (0, "DTLSv1.2 True\n")
    assert len(dropped) == 1 and dropped[0][0] == 22
