#!/usr/bin/env python3
"""Network benchmarks of the board (issue 12), in one run on this machine:
- loopback TCP: a Python loop on the board (script mode) sending 4 KB buffers to a CPython
  receiver; MB/s from the receiver's first byte to the end of the stream (best of 3);
- TLS handshake with `openssl s_server` (ECDSA P-256 certificate made here): the board's ssl
  against CPython's ssl, both verifying the server with the same CA, in alternating rounds of N
  handshakes each (wall time, and the CPU time each client spent, which load doesn't change);
- DTLS 1.2 handshake with `openssl s_server -dtls` (same certificates): the board's mean over N
  handshakes in one process, and, one handshake a process, the CPU time of a board process against
  that of `openssl s_client -dtls` (CPython has no DTLS), alternating.
Prints a table; --markdown FILE appends it."""
import argparse
import os
import platform
import resource
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


def tls_handshakes(wipy, n, rounds):
    with tempfile.TemporaryDirectory() as d:
        make_certs(d)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % port, "-cert", "server.pem",
                                "-key", "server.key", "-quiet"], cwd=d, stdin=subprocess.PIPE,  # open: at EOF it would close connections
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
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.load_verify_locations(cafile=os.path.join(d, "ca.pem"))
            ctx.maximum_version = ssl.TLSVersion.TLSv1_2  # the board speaks TLS 1.2 (mbedTLS 2.28)
            board, cpy, board_cpu, cpy_cpu = [], [], [], []
            for _ in range(rounds):  # alternating, so both see the same load
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                out = subprocess.run([wipy, "-c", code], check=True, capture_output=True, timeout=600).stdout
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                board.append(int(out) / n / 1000)
                board_cpu.append((r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) / n * 1000)
                t0, c0 = time.perf_counter(), time.process_time()
                for _ in range(n):
                    with socket.create_connection(("127.0.0.1", port)) as s:
                        with ctx.wrap_socket(s, server_hostname="localhost"):
                            pass
                cpy.append((time.perf_counter() - t0) / n * 1000)
                cpy_cpu.append((time.process_time() - c0) / n * 1000)
        finally:
            srv.kill()
            srv.wait()
    return board, cpy, board_cpu, cpy_cpu


def udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_cpu_ms(cmd, **kw):
    """Runs cmd to its end; the CPU time (user + system) it took, in ms."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, capture_output=True, timeout=600, **kw)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert p.returncode == 0, p
    return (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1000, p.stdout


def dtls_handshakes(wipy, n, rounds, singles=10):
    with tempfile.TemporaryDirectory() as d:
        make_certs(d)
        port = udp_port()
        srv = subprocess.Popen(["openssl", "s_server", "-dtls", "-accept", "127.0.0.1:%d" % port, "-cert", "server.pem",
                                "-key", "server.key", "-quiet"], cwd=d, stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        code = ("import socket, tls, time\nctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)\n"
                "ctx.verify_mode = tls.CERT_REQUIRED\nctx.load_verify_locations(cafile=%r)\n"
                "t = time.ticks_us()\nfor i in range(%%d):\n"
                "    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n    s.connect(('127.0.0.1', %d))\n"
                "    ss = ctx.wrap_socket(s, server_hostname='localhost')\n    ss.close()\n"
                "print(time.ticks_diff(time.ticks_us(), t))\n" % (os.path.join(d, "ca.pem"), port))
        s_client = ["openssl", "s_client", "-dtls", "-connect", "127.0.0.1:%d" % port, "-CAfile", "ca.pem",
                    "-verify_return_error", "-servername", "localhost"]
        try:
            for _ in range(100):  # until it listens (a refused datagram: ECONNREFUSED at once)
                if subprocess.run([wipy, "-c", code % 1], capture_output=True, timeout=600).returncode == 0:
                    break
                time.sleep(0.05)
            board, board_cpu, ossl_cpu = [], [], []
            for _ in range(rounds):
                out = child_cpu_ms([wipy, "-c", code % n])[1]
                board.append(int(out) / n / 1000)
            for _ in range(singles):  # alternating, one handshake a process each
                board_cpu.append(child_cpu_ms([wipy, "-c", code % 1])[0])
                ossl_cpu.append(child_cpu_ms(s_client, cwd=d, stdin=subprocess.DEVNULL)[0])
        finally:
            srv.kill()
            srv.wait()
    med = lambda v: sorted(v)[len(v) // 2]
    return board, med(board_cpu), med(ossl_cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", required=True)
    ap.add_argument("--mb", type=int, default=400)
    ap.add_argument("--handshakes", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--markdown")
    args = ap.parse_args()
    mbs = max(tcp_throughput(args.wipy, args.mb) for _ in range(3))
    board, cpy, board_cpu, cpy_cpu = tls_handshakes(args.wipy, args.handshakes, args.rounds)
    dboard, dboard_cpu, dossl_cpu = dtls_handshakes(args.wipy, args.handshakes, args.rounds)
    ms = lambda v: "/".join("%.2f" % x for x in v)
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
        "| TLS 1.2 handshake with `openssl s_server` (ECDSA P-256), verifying the CA | %.2f ms | %.2f ms | best of %d alternating rounds (%s vs %s), each the mean of %d, same server |"
        % (min(board), min(cpy), args.rounds, ms(board), ms(cpy), args.handshakes),
        "| the same: CPU time a handshake (the board's process, start-up included; CPython's own) | %.2f ms | %.2f ms | median of the rounds |"
        % (sorted(board_cpu)[len(board_cpu) // 2], sorted(cpy_cpu)[len(cpy_cpu) // 2]),
        "| DTLS 1.2 handshake with `openssl s_server -dtls` (ECDSA P-256), verifying the CA | %.2f ms | | best of %d rounds (%s), each the mean of %d in one board process, same server |"
        % (min(dboard), args.rounds, ms(dboard), args.handshakes),
        "| the same, one handshake a process: CPU time of the process (start-up included), board vs `openssl s_client -dtls` | %.2f ms | %.2f ms (s_client) | median of 10 each, alternating |"
        % (dboard_cpu, dossl_cpu),
        "",
    ]
    print("\n".join(lines))
    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
