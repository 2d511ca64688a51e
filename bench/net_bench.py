#!/usr/bin/env python3
"""Network benchmarks of the board (issue 12), in one run on this machine:
- loopback TCP: a Python loop on the board (script mode) sending 4 KB buffers to a CPython
  receiver; MB/s from the receiver's first byte to the end of the stream (best of 3);
- TLS handshake with `openssl s_server` (ECDSA P-256 certificate made here): the board's ssl
  against CPython's ssl, both verifying the server with the same CA, mean of N handshakes each.
Prints a table; --markdown FILE appends it."""
import argparse
import os
import platform
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "net"))


def tcp_throughput(wipy, total_mb):
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    port = ls.getsockname()[1]
    result = {}

    def receive():
        c, _ = ls.accept()
        buf = bytearray(1 << 20)
        n = c.recv_into(buf)
        t0 = time.perf_counter()
        got = n
        while n:
            n = c.recv_into(buf)
            got += n
        result["secs"] = time.perf_counter() - t0
        result["bytes"] = got
        c.close()

    th = threading.Thread(target=receive)
    th.start()
    sends = total_mb * 256
    code = ("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', %d))\nb = bytes(4096)\n"
            "for i in range(%d):\n    s.write(b)\ns.close()\n" % (port, sends))
    subprocess.run([wipy, "-c", code], check=True, timeout=600)
    th.join()
    ls.close()
    assert result["bytes"] == sends * 4096, result
    return result["bytes"] / result["secs"] / 1e6


def make_certs(d):
    def run(*a):
        subprocess.run(["openssl", *a], cwd=d, check=True, capture_output=True)
    run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key")
    run("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=bench ca", "-days", "30", "-out", "ca.pem")
    run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.key")
    run("req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out", "server.csr")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "30",
        "-out", "server.pem")


def tls_handshakes(wipy, n):
    with tempfile.TemporaryDirectory() as d:
        make_certs(d)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % port, "-cert", "server.pem",
                                "-key", "server.key", "-quiet"], cwd=d, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):  # until it listens
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            code = ("import socket, ssl, time\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
                    "ctx.verify_mode = ssl.CERT_REQUIRED\nctx.load_verify_locations(cafile=%r)\n"
                    "t = time.ticks_us()\nfor i in range(%d):\n    s = socket.socket()\n"
                    "    s.connect(('127.0.0.1', %d))\n    ss = ctx.wrap_socket(s, server_hostname='localhost')\n"
                    "    ss.close()\nprint(time.ticks_diff(time.ticks_us(), t))\n" % (os.path.join(d, "ca.pem"), n, port))
            out = subprocess.run([wipy, "-c", code], check=True, capture_output=True, timeout=600).stdout
            board_ms = int(out) / n / 1000
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.load_verify_locations(cafile=os.path.join(d, "ca.pem"))
            ctx.maximum_version = ssl.TLSVersion.TLSv1_2  # the board speaks TLS 1.2 (mbedTLS 2.28)
            t0 = time.perf_counter()
            for _ in range(n):
                with socket.create_connection(("127.0.0.1", port)) as s:
                    with ctx.wrap_socket(s, server_hostname="localhost"):
                        pass
            cpy_ms = (time.perf_counter() - t0) / n * 1000
        finally:
            srv.kill()
            srv.wait()
    return board_ms, cpy_ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", required=True)
    ap.add_argument("--mb", type=int, default=400)
    ap.add_argument("--handshakes", type=int, default=50)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    mbs = max(tcp_throughput(args.wipy, args.mb) for _ in range(3))
    board_ms, cpy_ms = tls_handshakes(args.wipy, args.handshakes)
    lines = [
        "## Network (`make bench-net`, issue 12)",
        "",
        "Measured %s on %s (%s), CPython %s, %s." % (time.strftime("%Y-%m-%d"), platform.node(), platform.machine(),
                                                   platform.python_version(), ssl.OPENSSL_VERSION),
        "",
        "| benchmark | board | CPython | note |",
        "|---|---|---|---|",
        "| loopback TCP, 4 KB `write` from a Python loop to a CPython receiver | %.0f MB/s | | %d MB, best of 3 (target >= 200) |"
        % (mbs, args.mb),
        "| TLS 1.2 handshake with `openssl s_server` (ECDSA P-256), verifying the CA | %.2f ms | %.2f ms | mean of %d each, same server |"
        % (board_ms, cpy_ms, args.handshakes),
        "",
    ]
    print("\n".join(lines))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
