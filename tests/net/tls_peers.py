"""Test certificates and TLS peers for the network suite: an ECDSA P-256 CA made with openssl in a
temporary folder, server and client certificates it signs, a second CA (a wrong one), an expired
server certificate, and openssl s_server / s_client processes on free loopback ports."""
import os
import socket
import subprocess
import threading
import time

from conftest import T


def _ssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def _key(name, cwd):
    _ssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name, cwd=cwd)


def make_certs(d):
    """Writes ca.pem/ca.key, other_ca.pem, server.pem/key (CN=localhost), client.pem/key and
    expired.pem/key into d; returns d."""
    d = str(d)
    for ca in ("ca", "other_ca"):
        _key(ca + ".key", d)
        _ssl("req", "-x509", "-new", "-key", ca + ".key", "-subj", "/CN=%s test" % ca, "-days", "3650",
             "-sha256", "-out", ca + ".pem", cwd=d)
    for name, cn in (("server", "localhost"), ("client", "wipy client"), ("expired", "localhost")):
        _key(name + ".key", d)
        _ssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + cn, "-out", name + ".csr", cwd=d)
    for name in ("server", "client"):
        _ssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "3650", "-sha256", "-out", name + ".pem", cwd=d)
    # the expired one: openssl ca takes explicit dates
    with open(os.path.join(d, "ca.cnf"), "w") as f:
        f.write("[ca]\ndefault_ca = c\n[c]\ndatabase = %s/index.txt\nnew_certs_dir = %s\nserial = %s/serial\n"
                "default_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n" % (d, d, d))
    open(os.path.join(d, "index.txt"), "w").close()
    with open(os.path.join(d, "serial"), "w") as f:
        f.write("1000\n")
    _ssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "expired.csr",
         "-out", "expired.pem", "-startdate", "20200101000000Z", "-enddate", "20210101000000Z", "-notext", cwd=d)
    # DER forms (the board takes both)
    _ssl("x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der", cwd=d)
    return d


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OpensslServer:
    """openssl s_server on a free loopback port, one connection, echoing lines reversed (-rev)."""

    def __init__(self, certs, cert="server", extra=()):
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["openssl", "s_server", "-accept", "127.0.0.1:%d" % self.port, "-cert", cert + ".pem",
             "-key", cert + ".key", "-naccept", "1", "-rev", *extra],
            cwd=certs, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.out = b""
        self.lock = threading.Lock()
        self.ready = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()
        assert self.ready.wait(T), "s_server did not start: %r" % self.out

    def _drain(self):
        for line in self.proc.stdout:
            with self.lock:
                self.out += line
            if b"ACCEPT" in line:
                self.ready.set()
        self.ready.set()

    def output(self):
        try:
            self.proc.wait(T)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        with self.lock:
            return self.out

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def s_client(certs, port, data, extra=()):
    """openssl s_client to 127.0.0.1:port verifying with ca.pem; sends data; (status, output)."""
    p = subprocess.run(["openssl", "s_client", "-connect", "127.0.0.1:%d" % port, "-CAfile", "ca.pem",
                        "-verify_return_error", "-quiet", *extra],
                       cwd=certs, input=data, capture_output=True, timeout=T)
    return p.returncode, p.stdout + p.stderr
