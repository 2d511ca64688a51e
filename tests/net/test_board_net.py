"""Sockets and TLS on a real board process (board mode): the seed's TLS flow with ca.pem in the
hidden store (where FTP uploads /flash/cert/ca.pem), the 8-socket limit counting the telnet
server's own sockets, a soft reset closing the user's sockets, a socket wait that keeps the telnet
server working and ends with Ctrl-C, two boards talking over loopback, and issue 12's bad input
(closed port, reset, garbage TLS, one socket too many, a closed socket) on one running board."""
import os
import shutil
import socket
import struct
import threading

import pytest

from conftest import T, RawRepl
from tls_peers import OpensslServer, make_certs


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_certs(tmp_path_factory.mktemp("certs"))


def raw_session(board):
    t = board.telnet(login=False)
    t.repl()
    raw = RawRepl(t)
    raw.enter()
    return t, raw


def test_seed_tls_flow_with_the_hidden_store(make_board, tmp_path, certs):
    state = tmp_path / "state"
    os.makedirs(state / "hidden")
    shutil.copy(os.path.join(certs, "ca.pem"), state / "hidden" / "ca.pem")
    board = make_board(state)
    srv = OpensslServer(certs)
    try:
        t, raw = raw_session(board)
        out, err = raw.exec("""
import socket, ssl
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)
ss = ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, ca_certs='/flash/cert/ca.pem')
ss.connect(socket.getaddrinfo('127.0.0.1', %d)[0][-1])
ss.write(b'from the board\\n')
print(ss.readline())
ss.close()
import os
print(os.listdir('/flash/cert'))
""" % srv.port)
        assert (out, err) == (b"b'draob eht morf\\n'\r\n[]\r\n", b"")
        out, err = raw.exec("""
import ssl, socket
try:
    ssl.wrap_socket(socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC), ca_certs='/flash/cert/cert.pem')
except OSError as e:
    print(e)
""")
        assert out == b"/flash/cert/cert.pem: no such certificate (upload it with FTP)\r\n"
    finally:
        srv.stop()


def test_socket_limit_counts_the_servers_and_soft_reset_closes(board):
    t, raw = raw_session(board)
    # the servers hold four of the 8: telnet's listening socket and this session, FTP's command
    # and passive-data listening sockets
    out, err = raw.exec("""
import socket
socks = []
try:
    while True:
        socks.append(socket.socket())
except OSError as e:
    print(len(socks), e.args[0])
socks[0].bind(('127.0.0.1', 0))
socks[0].listen(1)
print(socks[0].getsockname()[1])
""")
    lines = out.split(b"\r\n")
    assert lines[0] == b"4 12", out
    port = int(lines[1])
    raw.soft_reset()
    out, err = raw.exec("""
import socket
socks = [socket.socket() for i in range(4)]
s = socks[0]
s.bind(('127.0.0.1', %d))
print('rebound')
""" % port)
    assert (out, err) == (b"rebound\r\n", b"")


def test_ca_uploaded_through_ftp(make_board, certs):
    import ftplib
    board = make_board()
    srv = OpensslServer(certs)
    try:
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", board.ftp_port, timeout=T)
        ftp.login("micro", "python")
        with open(os.path.join(certs, "ca.pem"), "rb") as f:
            ftp.storbinary("STOR /flash/cert/ca.pem", f)
        ftp.quit()
        t, raw = raw_session(board)
        out, err = raw.exec("""
import socket, ssl
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)
ss = ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, ca_certs='/flash/cert/ca.pem')
ss.connect(socket.getaddrinfo('127.0.0.1', %d)[0][-1])
ss.write(b'uploaded\\n')
print(ss.readline())
""" % srv.port)
        assert (out, err) == (b"b'dedaolpu\\n'\r\n", b"")
    finally:
        srv.stop()


def test_waiting_socket_keeps_telnet_and_ctrl_c_ends_it(board):
    t, raw = raw_session(board)
    raw.io.write(b"import socket\r\ns = socket.socket()\r\ns.bind(('127.0.0.1', 0))\r\ns.listen(1)\r\n"
                 b"print('waiting', s.getsockname()[1])\r\nwhile True:\r\n  c, a = s.accept()\r\n"
                 b"  print('accepted')\r\n  c.close()\r\n\x04")
    assert raw.io.read_exact(2) == b"OK"
    m = raw.io.read_regex(rb"waiting (\d+)\r\n")
    # the board waits in accept(); its event loop still serves a second telnet client
    t2 = board.telnet(login=False)
    assert b"busy" in t2.read_until(b"\r\n")
    t2.close()
    # a real connection is accepted, then Ctrl-C ends the next wait
    with socket.create_connection(("127.0.0.1", int(m.group(1))), timeout=T):
        assert raw.io.read_until(b"accepted\r\n")
    raw.io.write(b"\x03")
    rest = raw.io.read_until(b"\x04>")
    assert b"KeyboardInterrupt" in rest, rest
    out, err = raw.exec("s.settimeout(1)\ntry:\n  s.accept()\nexcept OSError as e:\n  print(e)\n")
    assert (out, err) == (b"[Errno 110] ETIMEDOUT\r\n", b"")


def test_two_boards_over_loopback(make_board):
    a = make_board()
    b = make_board()
    ta, ra = raw_session(a)
    tb, rb = raw_session(b)
    out, err = ra.exec("""
import socket, network
srv = socket.socket()
srv.bind(('0.0.0.0', 0))
srv.listen(1)
print(srv.getsockname()[1])
""")
    port = int(out.split(b"\r\n")[0])
    # board b connects to board a's address on the simulated network (its AP address)
    rb.io.write(b"import socket\r\nc = socket.socket()\r\nc.connect(('192.168.1.1', %d))\r\n"
                b"c.write(b'board to board\\n')\r\nprint(c.readline())\r\n\x04" % port)
    assert rb.io.read_exact(2) == b"OK"
    out, err = ra.exec("c, addr = srv.accept()\nline = c.readline()\nprint(line)\nc.write(line.upper())\nc.close()\n")
    assert (out, err) == (b"b'board to board\\n'\r\n", b"")
    out = rb.io.read_until(b"\x04")
    assert out == b"b'BOARD TO BOARD\\n'\r\n\x04"


def test_poll_on_the_repl_stream_and_a_uart(board):
    t, raw = raw_session(board)
    raw.io.write(b"import select, sys, machine\r\np = select.poll()\r\np.register(sys.stdin, select.POLLIN)\r\n"
                 b"u = machine.UART(1, 9600)\r\np.register(u, select.POLLIN)\r\nprint('polling', p.poll(0))\r\n"
                 b"r = p.poll(10000)\r\nprint(r[0][0] is sys.stdin, r[0][1], sys.stdin.read(1))\r\n"
                 b"u.deinit()\r\nprint(p.poll(0)[0][1])\r\n\x04")
    assert raw.io.read_exact(2) == b"OK"
    assert raw.io.read_until(b"polling [")
    raw.io.read_until(b"]\r\n")
    t.send(b"z")
    assert raw.io.read_until(b"\x04") == b"True 1 z\r\n32\r\n\x04"


def test_bad_input_on_a_running_board(board):
    """Each bad case of issue 12 on a board in board mode, one after the other in one session: a
    clear OSError each time, and the board (its REPL, its telnet server) still answers after."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(2)
    ls.settimeout(T)

    def peers():
        # first a peer that resets mid-stream, then one that answers a TLS hello with garbage
        c, _ = ls.accept()
        with c:
            c.sendall(b"part")
            c.recv(1)
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c, _ = ls.accept()
        with c:
            c.recv(1000)
            c.sendall(b"HTTP/1.0 400 not TLS\r\n\r\n" * 4)

    th = threading.Thread(target=peers, daemon=True)
    th.start()
    t, raw = raw_session(board)
    out, err = raw.exec("""
import socket, ssl
def show(what, f):
    try:
        f()
        print(what, 'no error')
    except OSError as e:
        print(what, type(e).__name__, e.args[0])
s = socket.socket()
show('closed port', lambda: s.connect(('127.0.0.1', %d)))
s.close()
s = socket.socket()
s.connect(('127.0.0.1', %d))
print(s.recv(4))
s.send(b'x')
def drain():
    while s.recv(10):
        pass
show('reset', drain)
s.close()
show('closed socket', lambda: s.send(b'x'))
g = socket.socket()
g.connect(('127.0.0.1', %d))
show('garbage tls', lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket(g))
g.close()
socks = []
def fill():
    while True:
        socks.append(socket.socket())
show('one socket too many', fill)
for x in socks:
    x.close()
print('alive', 1 + 1)
""" % (closed_port, ls.getsockname()[1], ls.getsockname()[1]))
    th.join(T)
    ls.close()
    assert err == b"", err
    lines = out.decode().split("\r\n")
    assert lines[0] == "closed port OSError 111", out
    assert lines[1] == "b'part'", out
    assert lines[2] == "reset OSError 104", out
    assert lines[3] == "closed socket OSError 9", out
    assert lines[4].startswith("garbage tls SSLError -"), out
    assert lines[5] == "one socket too many OSError 12", out
    assert lines[6] == "alive 2", out
    # the telnet server still takes a second client (the board is busy with this session)
    t2 = board.telnet(login=False)
    assert b"busy" in t2.read_until(b"\r\n")
    t2.close()
    out, err = raw.exec("print('still', 3 * 3)\n")
    assert (out, err) == (b"still 9\r\n", b"")
