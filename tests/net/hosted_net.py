#!/usr/bin/env python3
"""A stand-in Internet for MicroPython's tests/net_hosted on a machine without one: runs a command
in a private network and mount namespace (unshare -nm) where micropython.org is 198.51.100.80 (a
bind-mounted /etc/hosts), a host in a second private namespace ("the Internet") reached through a
pair of tun devices joined by a wire in this process that holds every packet RTT_MS / 2 each way
(the kernel here has no netem), so connects and handshakes take a real round trip. There port 80
accepts and holds connections and port 443 is openssl s_server with a P-256 certificate made here;
every other address is routed into lo, where it never answers. Nothing outside the namespaces
changes. Usage: hosted_net.py COMMAND [ARGS...]; exits as COMMAND."""
import ctypes
import fcntl
import heapq
import os
import select
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

MARK = "WIPY_HOSTED_NET"
RTT_MS = 60  # a nearby site's round trip
HERE, THERE = "198.51.100.1", "198.51.100.80"  # TEST-NET-2 (RFC 5737): this end, micropython.org
CLONE_NEWNET = 0x40000000
TUNSETIFF = 0x400454CA
IFF_TUN, IFF_NO_PI = 0x0001, 0x1000
libc = ctypes.CDLL(None, use_errno=True)


def sh(*args, **kw):
    subprocess.run(args, check=True, capture_output=True, timeout=60, **kw)


def hold_port_80():
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((THERE, 80))
    ls.listen(8)
    held = []

    def serve():
        while True:
            c, _ = ls.accept()
            held.append(c)  # kept open: the tests only connect, poll and close

    threading.Thread(target=serve, daemon=True).start()


def tls_on_443(d):
    """s_server with a P-256 leaf for micropython.org and the CA that signed it, both sent (a real
    site sends its chain: verify callbacks see depth 1, then 0)."""
    for name in ("ca", "leaf"):
        sh("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name + ".key", cwd=d)
    sh("openssl", "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=stand-in ca", "-days", "30",
       "-out", "ca.pem", cwd=d)
    sh("openssl", "req", "-new", "-key", "leaf.key", "-subj", "/CN=micropython.org", "-out", "leaf.csr", cwd=d)
    sh("openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
       "-days", "30", "-out", "leaf.pem", cwd=d)
    # stdin stays open: at its end s_server would close each connection
    srv = subprocess.Popen(["openssl", "s_server", "-accept", THERE + ":443", "-cert", "leaf.pem", "-key", "leaf.key",
                            "-cert_chain", "ca.pem", "-quiet"], cwd=d, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    for _ in range(200):  # until it listens (bounded: 10 s)
        try:
            socket.create_connection((THERE, 443), timeout=1).close()
            return srv
        except OSError:
            if srv.poll() is not None:
                break
            threading.Event().wait(0.05)
    srv.kill()
    raise SystemExit("hosted_net: openssl s_server did not start on %s:443" % THERE)


def ns_call(fn, *args):
    if fn(*args) != 0:
        e = ctypes.get_errno()
        raise OSError(e, "%s: %s" % (fn.__name__, os.strerror(e)))


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def wire(a, b):
    """Moves every IP packet between the tun devices a and b, each RTT_MS / 2 after it came (in
    order: one delay for all). Runs for the life of the process."""
    delay = RTT_MS / 2000.0
    due = []  # (when, seq, to, packet)
    seq = 0
    while True:
        wait = max(0.0, due[0][0] - time.monotonic()) if due else None
        ready, _, _ = select.select([a, b], [], [], wait)
        now = time.monotonic()
        for fd in ready:
            seq += 1
            heapq.heappush(due, (now + delay, seq, b if fd == a else a, os.read(fd, 65536)))
        while due and due[0][0] <= time.monotonic():
            _, _, to, pkt = heapq.heappop(due)
            try:
                os.write(to, pkt)
            except OSError:
                pass  # a packet the other side refuses is lost, as on a wire


def the_internet(d):
    """Makes the far namespace with micropython.org's servers, joined to this one by the wire;
    returns s_server's process. The calling thread comes back to this namespace."""
    home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    near = open_tun("wire0")
    ns_call(libc.unshare, CLONE_NEWNET)  # this thread (and what it starts) is now out there
    try:
        far = open_tun("wire1")
        sh("ip", "link", "set", "lo", "up")
        sh("ip", "addr", "add", THERE, "peer", HERE, "dev", "wire1")
        sh("ip", "link", "set", "wire1", "up")
        hold_port_80()
        srv = tls_on_443(d)
    finally:
        ns_call(libc.setns, home, CLONE_NEWNET)
        os.close(home)
    sh("ip", "addr", "add", HERE, "peer", THERE, "dev", "wire0")
    sh("ip", "link", "set", "wire0", "up")
    threading.Thread(target=wire, args=(near, far), daemon=True).start()
    return srv


def inside(cmd):
    with tempfile.TemporaryDirectory() as d:
        sh("ip", "link", "set", "lo", "up")
        sh("ip", "route", "add", "default", "dev", "lo")  # 192.0.2.1, 1.1.1.1, ...: no answer
        hosts = os.path.join(d, "hosts")
        with open(hosts, "w") as f:
            f.write("127.0.0.1 localhost\n%s micropython.org\n" % THERE)
        sh("mount", "--bind", hosts, "/etc/hosts")
        srv = the_internet(d)
        try:
            return subprocess.run(cmd).returncode
        finally:
            srv.kill()
            srv.wait()


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    if os.environ.get(MARK) != "1":
        env = dict(os.environ, **{MARK: "1"})
        r = subprocess.run(["unshare", "-nm", "--propagation", "private", sys.executable, *sys.argv], env=env)
        raise SystemExit(r.returncode)
    raise SystemExit(inside(sys.argv[1:]))


if __name__ == "__main__":
    main()
