#!/usr/bin/env python3
"""A stand-in Internet for MicroPython's tests/net_hosted on a machine without one: runs a command
in a private network and mount namespace (unshare -nm) where micropython.org is 127.0.0.1 (a bind-
mounted /etc/hosts), port 80 there accepts and holds connections, port 443 is openssl s_server with
a P-256 certificate made here, and every other address is routed into lo, where it never answers.
Nothing outside the namespaces changes. Usage: hosted_net.py COMMAND [ARGS...]; exits as COMMAND."""
import os
import socket
import subprocess
import sys
import tempfile
import threading

MARK = "WIPY_HOSTED_NET"


def sh(*args, **kw):
    subprocess.run(args, check=True, capture_output=True, timeout=60, **kw)


def hold_port_80():
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", 80))
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
    srv = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:443", "-cert", "leaf.pem", "-key", "leaf.key",
                            "-cert_chain", "ca.pem", "-quiet"], cwd=d, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    for _ in range(200):  # until it listens (bounded: 10 s)
        try:
            socket.create_connection(("127.0.0.1", 443), timeout=1).close()
            return srv
        except OSError:
            if srv.poll() is not None:
                break
            threading.Event().wait(0.05)
    srv.kill()
    raise SystemExit("hosted_net: openssl s_server did not start on 127.0.0.1:443")


def inside(cmd):
    with tempfile.TemporaryDirectory() as d:
        sh("ip", "link", "set", "lo", "up")
        sh("ip", "route", "add", "default", "dev", "lo")  # 192.0.2.1, 1.1.1.1, ...: no answer
        hosts = os.path.join(d, "hosts")
        with open(hosts, "w") as f:
            f.write("127.0.0.1 localhost\n127.0.0.1 micropython.org\n")
        sh("mount", "--bind", hosts, "/etc/hosts")
        hold_port_80()
        srv = tls_on_443(d)
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
