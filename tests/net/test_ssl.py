"""ssl (spec §13) against openssl s_server and s_client with an ECDSA P-256 CA made in the test:
the seed's flow (IPPROTO_SEC, wrap before connect, CERT_REQUIRED with ca_certs), a wrong CA and an
expired certificate refused, client certificates, the board as TLS server, MicroPython's
SSLContext API, non-blocking TLS under select.poll, a peer sending garbage, and the seed's rule
that wrap_socket wants an IPPROTO_SEC socket."""
import os
import shutil
import socket
import threading

import pytest

from conftest import T, Script, run
from tls_peers import OpensslServer, make_certs, s_client


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certs(tmp_path_factory.mktemp("certs"))


SEED_CLIENT = """
import socket, ssl
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)
ss = ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, ca_certs=%(ca)r%(more)s)
try:
    ss.connect(socket.getaddrinfo('127.0.0.1', %(port)d)[0][-1])
    ss.write(b'hello tls\\n')
    print(ss.readline())
    ss.close()
except OSError as e:
    print(type(e).__name__, repr(str(e)))
print('alive')
"""


def seed_client(certs, port, ca="ca.pem", more=""):
    return run(SEED_CLIENT % {"ca": os.path.join(certs, ca), "port": port, "more": more})


def test_seed_flow_cert_required(certs):
    srv = OpensslServer(certs)
    try:
        rc, out = seed_client(certs, srv.port)
    finally:
        srv.stop()
    assert (rc, out) == (0, "b'slt olleh\\n'\nalive\n")


def test_wrong_ca_is_refused(certs):
    srv = OpensslServer(certs)
    try:
        rc, out = seed_client(certs, srv.port, ca="other_ca.pem")
    finally:
        srv.stop()
    assert rc == 0
    assert out == "SSLError '\\nThe certificate is not correctly signed by the trusted CA\\n'\nalive\n"


def test_expired_certificate_is_refused(certs):
    srv = OpensslServer(certs, cert="expired")
    try:
        rc, out = seed_client(certs, srv.port)
    finally:
        srv.stop()
    assert (rc, out) == (0, "SSLError '\\nThe certificate validity has expired\\n'\nalive\n")


def test_client_certificate(certs):
    more = ", keyfile=%r, certfile=%r" % (os.path.join(certs, "client.key"), os.path.join(certs, "client.pem"))
    srv = OpensslServer(certs, extra=("-Verify", "1", "-CAfile", "ca.pem"))
    try:
        rc, out = seed_client(certs, srv.port, more=more)
        log = srv.output()
    finally:
        srv.stop()
    assert (rc, out) == (0, "b'slt olleh\\n'\nalive\n")
    assert b"wipy client" in log


def test_client_certificate_missing_is_refused(certs):
    srv = OpensslServer(certs, extra=("-Verify", "1", "-CAfile", "ca.pem"))
    try:
        rc, out = seed_client(certs, srv.port)
    finally:
        srv.stop()
    assert (rc, out) == (0, "SSLError \"(-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\"\nalive\n")


def test_board_as_tls_server_with_s_client(certs, script):
    s = script("""
import socket, ssl
ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)
ls.bind(('127.0.0.1', 0))
ls.listen(1)
ss = ssl.wrap_socket(ls, server_side=True, keyfile=%r, certfile=%r)
print(ls.getsockname()[1])
c, addr = ss.accept()
print('client', addr[0], c.cipher()[1])
c.write(c.readline().upper())
c.close()
""" % (os.path.join(certs, "server.key"), os.path.join(certs, "server.pem")))
    port = int(s.line())
    rc, out = s_client(certs, port, b"secret line\n", extra=("-servername", "localhost"))
    assert s.line() == "client 127.0.0.1 TLSv1.2"
    assert b"SECRET LINE\n" in out
    assert s.finish() == (0, [])


def test_sslcontext_api_against_s_server(certs):
    srv = OpensslServer(certs)
    try:
        rc, out = run("""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations(cafile=%r)
s = socket.socket()
s.connect(('127.0.0.1', %d))
ss = ctx.wrap_socket(s, server_hostname='localhost')
print(len(ss.getpeercert(True)) > 100)
ss.write(b'abc\\n')
print(ss.read(4))
ss.close()
""" % (os.path.join(certs, "ca.der"), srv.port))
    finally:
        srv.stop()
    assert (rc, out) == (0, "True\nb'cba\\n'\n")


def test_wrong_hostname_is_refused(certs):
    srv = OpensslServer(certs)
    try:
        rc, out = run("""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations(cafile=%r)
s = socket.socket()
s.connect(('127.0.0.1', %d))
try:
    ctx.wrap_socket(s, server_hostname='elsewhere')
except ssl.SSLError as e:
    print(repr(str(e)))
""" % (os.path.join(certs, "ca.pem"), srv.port))
    finally:
        srv.stop()
    assert (rc, out) == (0, "'\\nThe certificate Common Name (CN) does not match with the expected CN\\n'\n")


def test_non_blocking_tls_under_poll(certs):
    srv = OpensslServer(certs)
    try:
        rc, out = run("""
import socket, ssl, select, errno
s = socket.socket()
s.setblocking(False)
try:
    s.connect(('127.0.0.1', %d))
except OSError as e:
    print(e.args[0] == errno.EINPROGRESS)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations(cafile=%r)
ss = ctx.wrap_socket(s, server_hostname='localhost', do_handshake_on_connect=False)
p = select.poll()
p.register(ss, select.POLLOUT)
sent = False
got = b''
rounds = 0
while not got.endswith(b'\\n'):
    rounds += 1
    assert p.poll(5000), 'poll timed out'
    if not sent:
        n = ss.write(b'non blocking\\n')
        if n:
            sent = True
            p.modify(ss, select.POLLIN)
    else:
        d = ss.read(100)
        if d:
            got += d
print(got, rounds >= 2)
ss.close()
""" % (srv.port, os.path.join(certs, "ca.pem")))
    finally:
        srv.stop()
    assert (rc, out) == (0, "True\nb'gnikcolb non\\n' True\n")


def test_tls_peer_sending_garbage():
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    ls.settimeout(T)

    def serve():
        c, _ = ls.accept()
        with c:
            c.recv(1000)
            c.sendall(b"HTTP/1.0 400 this is not TLS\r\n\r\n" * 4)

    th = threading.Thread(target=serve, daemon=True)
    th.start()
    rc, out = run("""
import socket, ssl
s = socket.socket()
s.connect(('127.0.0.1', %d))
try:
    ssl.wrap_socket(s, server_hostname='x')
except OSError as e:
    print(type(e).__name__, e.args[0] < 0)
s.close()
print('alive')
""" % ls.getsockname()[1])
    th.join(T)
    ls.close()
    assert (rc, out) == (0, "SSLError True\nalive\n")


def test_seed_rule_ipproto_sec_and_bad_arguments(certs):
    rc, out = run("""
import socket, ssl
s = socket.socket()
for kw in [{}, {'cert_reqs': ssl.CERT_REQUIRED}]:
    try:
        ssl.wrap_socket(s, **kw)
    except OSError as e:
        print(e)
s2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)
for kw in [{'cert_reqs': ssl.CERT_REQUIRED}, {'ca_certs': '/no/such/ca.pem'}, {'cert_reqs': 7},
           {'keyfile': %r}]:
    try:
        ssl.wrap_socket(s2, **kw)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
ss = ssl.wrap_socket(s2)
ss.close()
for call in [lambda: ss.write(b'x'), lambda: ss.read(1)]:
    try:
        call()
    except OSError as e:
        print(e)
print(socket.IPPROTO_SEC, ssl.CERT_NONE, ssl.CERT_OPTIONAL, ssl.CERT_REQUIRED, issubclass(ssl.SSLError, OSError))
""" % os.path.join(certs, "client.key"))
    msg = ("ssl.wrap_socket needs a socket made with proto=socket.IPPROTO_SEC: "
           "socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)\n")
    assert rc == 0, out
    assert out == (msg + msg +
                   "ValueError cert_reqs=CERT_REQUIRED needs the CA certificate (ca_certs= or cadata=)\n"
                   "OSError [Errno 2] ENOENT\n"
                   "ValueError cert_reqs must be CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED\n"
                   "TypeError a key needs its certificate (certfile= or cert=)\n"
                   "[Errno 9] EBADF\n[Errno 9] EBADF\n"
                   "100 0 1 2 True\n")


ASYNCIO_TLS = """
import asyncio, ssl
srv_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
srv_ctx.load_cert_chain(%(d)r + '/server.pem', %(d)r + '/server.key')
%(client_ctx)s

async def echo(r, w):
    try:
        line = await r.readline()
        w.write(bytes(reversed(line)).strip() + b'\\n')
        await w.drain()
    except OSError as e:
        print('server:', type(e).__name__)
    w.close()
    await w.wait_closed()

async def main():
    srv = await asyncio.start_server(echo, '127.0.0.1', 0, ssl=srv_ctx)
    port = srv.sockets[0].getsockname()[1]
    try:
        r, w = await asyncio.open_connection('127.0.0.1', port, ssl=cli_ctx, server_hostname='localhost')
        w.write(b'over tls\\n')
        await w.drain()
        print(await r.readline())
        w.close()
        await w.wait_closed()
    except OSError as e:
        print('client:', type(e).__name__)
    await asyncio.sleep_ms(50)  # the server's side of a refused handshake reports first
    srv.close()
    await srv.wait_closed()
    print('closed')

asyncio.run(main())
"""


def test_asyncio_streams_over_tls(certs):
    """asyncio.start_server(ssl=) and open_connection(ssl=) in one board: an echo over TLS, and a
    client that doesn't trust the server's CA failing in the handshake (both sides told)."""
    good = ("cli_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\ncli_ctx.verify_mode = ssl.CERT_REQUIRED\n"
            "cli_ctx.load_verify_locations(cafile=%r)" % os.path.join(certs, "ca.pem"))
    rc, out = run(ASYNCIO_TLS % {"d": certs, "client_ctx": good})
    assert (rc, out) == (0, "b'slt revo\\n'\nclosed\n")
    wrong = ("cli_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\ncli_ctx.verify_mode = ssl.CERT_REQUIRED\n"
             "cli_ctx.load_verify_locations(cafile=%r)" % os.path.join(certs, "other_ca.pem"))
    rc, out = run(ASYNCIO_TLS % {"d": certs, "client_ctx": wrong})
    assert rc == 0, out
    assert sorted(out.splitlines()) == ["client: SSLError", "closed", "server: SSLError"], out


def test_asyncio_server_cancelled_with_its_parent():
    """A task running start_server that is cancelled: the cancellation reaches the task's awaiter
    (the server doesn't swallow it) and the listening socket is closed (its port binds again);
    Server.close() instead ends the server quietly."""
    rc, out = run("""
import asyncio, socket

async def cb(r, w):
    pass

async def serve(box):
    srv = await asyncio.start_server(cb, '127.0.0.1', 0)
    box.append(srv)
    await srv.wait_closed()

async def main():
    box = []
    t = asyncio.create_task(serve(box))
    await asyncio.sleep_ms(10)
    port = box[0].sockets[0].getsockname()[1]
    t.cancel()
    try:
        await t
        print('swallowed')
    except asyncio.CancelledError:
        print('cancelled')
    s = socket.socket()
    s.bind(('127.0.0.1', port))
    print('port free')
    s.close()
    srv = await asyncio.start_server(cb, '127.0.0.1', 0)
    srv.close()
    await srv.wait_closed()
    print('closed quietly')

asyncio.run(main())
""")
    assert (rc, out) == (0, "cancelled\nport free\nclosed quietly\n")


def test_verify_callback(certs):
    """SSLContext.verify_callback(cert, depth) as MicroPython's: called for each certificate of the
    chain, the CA first, with a memoryview of its DER; a non-zero result fails the handshake with
    that code; an exception in it comes out of wrap_socket."""
    srvs = [OpensslServer(certs, extra=("-cert_chain", "ca.pem")) for _ in range(3)]
    try:
        rc, out = run("""
import socket, ssl
seen = []
def ok(cert, depth):
    seen.append((type(cert).__name__, len(cert) > 100, depth))
    return 0
def no(cert, depth):
    return 1
def boom(cert, depth):
    raise ValueError('boom')
for port, cb in ((%d, ok), (%d, no), (%d, boom)):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cafile=%r)
    ctx.verify_callback = cb
    print(ctx.verify_callback is cb)
    s = socket.socket()
    s.connect(('127.0.0.1', port))
    try:
        ss = ctx.wrap_socket(s, server_hostname='localhost')
        print('ok', seen)
        ss.close()
    except Exception as e:
        print(type(e).__name__, e.args)
    s.close()
""" % (srvs[0].port, srvs[1].port, srvs[2].port, os.path.join(certs, "ca.pem")))
    finally:
        for s in srvs:
            s.stop()
    assert (rc, out) == (0, "True\nok [('memoryview', True, 1), ('memoryview', True, 0)]\n"
                            "True\nSSLError (-1, 'MBEDTLS_ERR_ERROR_GENERIC_ERROR')\n"
                            "True\nValueError ('boom',)\n")


def test_wrap_completes_the_handshake_on_a_non_blocking_socket(certs):
    """wrap_socket(do_handshake_on_connect=True) over a non-blocking socket still connecting
    returns with the handshake done (as MicroPython's): writable at once, nothing to read yet."""
    srv = OpensslServer(certs)
    try:
        rc, out = run("""
import socket, ssl, select, errno
s = socket.socket()
s.setblocking(False)
try:
    s.connect(('127.0.0.1', %d))
except OSError as e:
    print(e.args[0] == errno.EINPROGRESS)
ss = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket(s)
p = select.poll()
p.register(ss)
print(p.poll(0) == [(ss, select.POLLOUT)], ss.write(b'1234'), ss.read(10))
ss.close()
""" % srv.port)
    finally:
        srv.stop()
    assert (rc, out) == (0, "True\nTrue 4 None\n")


def test_psk_against_openssl(certs):
    """TLS-PSK (MicroPython's psk_identity/psk_key and server_psk_keys) against openssl: the board
    as client of `s_server -psk`, then as server for `s_client -psk`; a wrong key fails both ends."""
    key = b"board secret"
    srv = OpensslServer(certs, extra=("-nocert", "-psk", key.hex(), "-psk_identity", "wipy"))
    try:
        rc, out = run("""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.psk_identity = b'wipy'
ctx.psk_key = %r
s = socket.socket()
s.connect(('127.0.0.1', %d))
ss = ctx.wrap_socket(s)
print(ss.cipher()[0].startswith('TLS-') and 'PSK' in ss.cipher()[0])
ss.write(b'psk line\\n')
print(ss.readline())
ss.close()
""" % (key, srv.port))
    finally:
        srv.stop()
    assert (rc, out) == (0, "True\nb'enil ksp\\n'\n")
    for client_key, ok in ((key, True), (b"not the key", False)):
        board = Script("""
import socket, ssl
ls = socket.socket()
ls.bind(('127.0.0.1', 0))
ls.listen(1)
print(ls.getsockname()[1])
c, a = ls.accept()
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.server_psk_keys = {b'wipy': %r}
try:
    ss = ctx.wrap_socket(c, server_side=True)
    print(ss.readline())
    ss.close()
except OSError as e:
    print(type(e).__name__)
    c.close()
""" % key)
        try:
            port = int(board.line())
            rc, out = s_client(certs, port, b"from openssl\n",
                               extra=("-psk", client_key.hex(), "-psk_identity", "wipy", "-tls1_2"))
            status, rest = board.finish()
        finally:
            board.kill()
        if ok:
            assert (status, rest) == (0, ["b'from openssl\\n'"]), out
        else:
            assert (status, rest) == (0, ["SSLError"]), out
            assert rc != 0
