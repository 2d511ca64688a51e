"""socket and select (spec §13, §3, §16) in script mode against CPython peers on loopback: TCP and
UDP both ways, the board as server and as client, timeouts, non-blocking mode, the 8-socket limit,
bad input (closed port, peer reset, closed socket), select.poll over sockets and Python objects."""
import socket
import struct
import threading

from conftest import T, run


def _server_thread(handler):
    """A CPython TCP server on a free loopback port serving one connection with handler(conn)."""
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    ls.settimeout(T)

    def serve():
        try:
            c, _ = ls.accept()
            c.settimeout(T)
            with c:
                handler(c)
        finally:
            ls.close()

    th = threading.Thread(target=serve, daemon=True)
    th.start()
    return ls.getsockname()[1], th


def test_board_tcp_server_cpython_client(script):
    s = script("""
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(socket.getaddrinfo('127.0.0.1', 0)[0][-1])
s.listen(1)
print(s.getsockname()[1])
c, addr = s.accept()
print('from', addr[0])
f = c.makefile('rwb')
line = f.readline()
print('line', line)
data = c.recv(5)
print('recv', data)
c.sendall(line.upper() * 1000)
c.close()
s.close()
""")
    port = int(s.line())
    with socket.create_connection(("127.0.0.1", port), timeout=T) as c:
        assert s.line() == "from 127.0.0.1"
        c.sendall(b"hello board\nabcde")
        assert s.line() == "line b'hello board\\n'"
        assert s.line() == "recv b'abcde'"
        got = b""
        while True:
            d = c.recv(65536)
            if not d:
                break
            got += d
    assert got == b"HELLO BOARD\n" * 1000
    assert s.finish() == (0, [])


def test_board_tcp_client_cpython_server():
    def handler(c):
        data = c.recv(100)
        c.sendall(b"echo:" + data)

    port, th = _server_thread(handler)
    rc, out = run("""
import socket
s = socket.socket()
s.connect(('127.0.0.1', %d))
s.write(b'ping')
print(s.read())
s.close()
""" % port)
    th.join(T)
    assert (rc, out) == (0, "b'echo:ping'\n")


def test_udp_both_ways(script):
    s = script("""
import socket
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
print(u.getsockname()[1])
data, addr = u.recvfrom(100)
print(data, addr[0])
u.sendto(bytes(reversed(data)), addr)
u.close()
""")
    port = int(s.line())
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        c.settimeout(T)
        c.sendto(b"datagram", ("127.0.0.1", port))
        assert s.line() == "b'datagram' 127.0.0.1"
        assert c.recvfrom(100)[0] == b"margatad"
    assert s.finish() == (0, [])


def test_udp_board_client():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as srv:
        srv.bind(("127.0.0.1", 0))
        srv.settimeout(T)
        port = srv.getsockname()[1]

        def echo():
            d, a = srv.recvfrom(100)
            srv.sendto(d + b"!", a)

        th = threading.Thread(target=echo, daemon=True)
        th.start()
        rc, out = run("""
import socket
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.settimeout(5)
u.sendto(b'hi', ('127.0.0.1', %d))
print(u.recv(10))
""" % port)
        th.join(T)
    assert (rc, out) == (0, "b'hi!'\n")


def test_connect_to_closed_port_is_econnrefused():
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    port = ls.getsockname()[1]
    ls.close()
    rc, out = run("""
import socket, errno
s = socket.socket()
try:
    s.connect(('127.0.0.1', %d))
except OSError as e:
    print(e.args[0] == errno.ECONNREFUSED, e)
print('alive')
""" % port)
    assert (rc, out) == (0, "True [Errno 111] ECONNREFUSED\nalive\n")


def test_peer_reset_mid_stream():
    def handler(c):
        c.sendall(b"part")
        c.recv(1)  # wait until the board has read the part
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    port, th = _server_thread(handler)
    rc, out = run("""
import socket, errno
s = socket.socket()
s.connect(('127.0.0.1', %d))
print(s.recv(4))
s.send(b'x')
try:
    while True:
        d = s.recv(10)
        if not d:
            print('eof')
            break
except OSError as e:
    print('reset', e.args[0] == errno.ECONNRESET)
s.close()
""" % port)
    th.join(T)
    assert rc == 0, out
    assert out == "b'part'\nreset True\n"


def test_ninth_socket_is_enomem_naming_the_limit():
    rc, out = run("""
import socket
socks = [socket.socket() for i in range(8)]
try:
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
except OSError as e:
    print(e.args[0], e)
socks[0].close()
socks.append(socket.socket())
print('ninth after a close: ok')
""")
    assert rc == 0, out
    assert out == ("12 [Errno 12] ENOMEM: no free socket: the board has 8 in all, the telnet and FTP servers' included\n"
                   "ninth after a close: ok\n")


def test_unreachable_sockets_give_their_slot_back():
    rc, out = run("""
import socket
for i in range(40):
    s = socket.socket()
print('ok')
""")
    assert (rc, out) == (0, "ok\n")


def test_operations_on_a_closed_socket_are_ebadf():
    rc, out = run("""
import socket
s = socket.socket()
s.close()
s.close()
for name, call in [('send', lambda: s.send(b'x')), ('recv', lambda: s.recv(1)),
                   ('bind', lambda: s.bind(('127.0.0.1', 0))), ('connect', lambda: s.connect(('127.0.0.1', 1))),
                   ('accept', lambda: s.accept()), ('read', lambda: s.read(1)), ('write', lambda: s.write(b'x'))]:
    try:
        call()
        print(name, 'no error')
    except OSError as e:
        print(name, e)
print(s.fileno())
""")
    assert rc == 0, out
    assert out == "".join("%s [Errno 9] EBADF\n" % n for n in
                          ["send", "recv", "bind", "connect", "accept", "read", "write"]) + "-1\n"


def test_timeouts_and_non_blocking():
    rc, out = run("""
import socket, errno, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(1)
s.settimeout(1)
t = time.ticks_ms()
try:
    s.accept()
except OSError as e:
    print('timeout', e.args[0] == errno.ETIMEDOUT, 900 <= time.ticks_diff(time.ticks_ms(), t) < 3000)
s.setblocking(False)
try:
    s.accept()
except OSError as e:
    print('nonblocking', e)
s.settimeout(0)
try:
    s.accept()
except OSError as e:
    print('timeout 0', e)
c = socket.socket()
c.setblocking(False)
try:
    c.connect(s.getsockname())
except OSError as e:
    print('connect', e)
a, _ = s.accept() if False else (None, None)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.setblocking(False)
try:
    u.recv(1)
except OSError as e:
    print('udp', e)
print(u.read(1), u.readline())
try:
    s.settimeout(-1)
except ValueError as e:
    print('ValueError', e)
""")
    assert rc == 0, out
    assert out == ("timeout True True\nnonblocking [Errno 11] EAGAIN\ntimeout 0 [Errno 11] EAGAIN\n"
                   "connect [Errno 115] EINPROGRESS\nudp [Errno 11] EAGAIN\nNone None\n"
                   "ValueError timeout must be None or at least 0 seconds\n")


def test_bad_arguments():
    rc, out = run("""
import socket
for args in [(None,), (2, None), (2, 3, None), ('x',)]:
    try:
        socket.socket(*args)
    except TypeError:
        print('TypeError')
for args in [(10,), (2, 3), (2, 1, 17)]:
    try:
        socket.socket(*args)
    except OSError as e:
        print('OSError', e.args[0])
s = socket.socket()
for addr in [('127.0.0.1',), ('127.0.0.1', 70000), (1, 2), 'x']:
    try:
        s.bind(addr)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__)
try:
    socket.getaddrinfo('no.such.host.invalid', 80)
except OSError:
    print('resolve OSError')
print(socket.getaddrinfo('127.0.0.1', 8080))
""")
    assert rc == 0, out
    assert out == ("TypeError\nTypeError\nTypeError\nTypeError\nOSError 97\nOSError 93\nOSError 93\n"
                   "ValueError\nOverflowError\nTypeError\nTypeError\nresolve OSError\n"
                   "[(2, 1, 0, '', ('127.0.0.1', 8080))]\n")


def test_select_poll_over_sockets_and_python_objects(script):
    s = script("""
import socket, select, io
class Flag(io.IOBase):
    ready = 0
    def ioctl(self, req, arg):
        return self.ready & arg if req == 3 else -22
ls = socket.socket()
ls.bind(('127.0.0.1', 0))
ls.listen(1)
p = select.poll()
p.register(ls, select.POLLIN)
f = Flag()
p.register(f, select.POLLIN)
print(p.poll(0))
print(ls.getsockname()[1])
res = p.poll(5000)
print(len(res), res[0][0] is ls, res[0][1])
c, _ = ls.accept()
p.register(c, select.POLLIN)
p.unregister(ls)
f.ready = 1
print([(type(o).__name__, e) for o, e in p.poll(0)])
p.unregister(f)
print(p.poll(0))
print(c.recv(10))
res = p.poll(5000)
print(res[0][1] & select.POLLIN != 0, c.recv(10))
c.close()
print(p.poll(0)[0][1])
""")
    assert s.line() == "[]"
    port = int(s.line())
    with socket.create_connection(("127.0.0.1", port), timeout=T) as c:
        assert s.line() == "1 True 1"
        assert s.line() == "[('Flag', 1)]"
        assert s.line() == "[]"
        c.sendall(b"abc")
        assert s.line() == "b'abc'"
    assert s.line() == "True b''"
    assert s.line() == "32"
    assert s.finish() == (0, [])


def test_ctrl_c_interrupts_a_blocking_wait(script):
    import signal
    s = script("""
import socket
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(1)
print('waiting')
try:
    s.recv(1) if False else s.accept()
except KeyboardInterrupt:
    print('interrupted')
s.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print('udp waiting')
u.recvfrom(10)
""")
    assert s.line() == "waiting"
    s.proc.send_signal(signal.SIGINT)
    assert s.line() == "interrupted"
    assert s.line() == "udp waiting"
    s.proc.send_signal(signal.SIGINT)
    rc, rest = s.finish()
    assert rc == 1
    assert rest[-1] == "KeyboardInterrupt: " or rest[-1] == "KeyboardInterrupt", rest
