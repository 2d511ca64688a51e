#!/usr/bin/env python3
"""FTP and OTA benchmarks (issue 11), one run against the board and Debian's vsftpd on loopback:
STOR and RETR of a 160 KB file and LIST of a 200-file folder, the same client (ftplib) and the same
bytes for both servers, median of N; then OTA: from the start of a 2 MB image's upload to the new
firmware's `>>> ` over telnet (login included), median of N. vsftpd runs from a temporary config
(anonymous, listen=YES, background=NO) on free ports and is stopped by pid at the end.
Prints a table; --markdown FILE writes it too. No figure is checked against a limit."""
import argparse
import ftplib
import hashlib
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from harness import PROMPT, Board, Telnet  # noqa: E402

VSFTPD = "/usr/sbin/vsftpd"
BIG = 160 * 1024
NFILES = 200


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def start_vsftpd(d):
    root = os.path.join(d, "root")
    os.makedirs(os.path.join(root, "pub"))
    os.makedirs(os.path.join(d, "empty"))
    os.chmod(os.path.join(root, "pub"), 0o777)
    os.chmod(root, 0o555)
    port, pasv = free_port(), free_port()
    conf = os.path.join(d, "vsftpd.conf")
    with open(conf, "w") as f:
        f.write("\n".join([
            "listen=YES", "listen_address=127.0.0.1", "listen_port=%d" % port, "background=NO",
            "anonymous_enable=YES", "local_enable=NO", "write_enable=YES", "anon_upload_enable=YES",
            "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES", "anon_root=" + root,
            "no_anon_password=YES", "secure_chroot_dir=" + os.path.join(d, "empty"), "pasv_enable=YES",
            "pasv_address=127.0.0.1", "pasv_min_port=%d" % pasv, "pasv_max_port=%d" % pasv,
            "seccomp_sandbox=NO", "xferlog_enable=NO", "dirmessage_enable=NO", "anon_umask=022", ""]))
    proc = subprocess.Popen([VSFTPD, conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > end or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("vsftpd did not start")
            time.sleep(0.05)
    return proc, port


def connect(port, user, password):
    f = ftplib.FTP()
    f.connect("127.0.0.1", port, timeout=30)
    f.login(user, password)
    return f


def time_ops(port, user, password, folder, runs):
    """Medians (s) of STOR 160 KB, RETR 160 KB and LIST of a 200-file folder."""
    data = os.urandom(BIG)
    f = connect(port, user, password)
    f.cwd(folder)
    stor, retr, lst = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        f.storbinary("STOR big.bin", io.BytesIO(data), 16384)
        stor.append(time.perf_counter() - t0)
        got = io.BytesIO()
        t0 = time.perf_counter()
        f.retrbinary("RETR big.bin", got.write, 16384)
        retr.append(time.perf_counter() - t0)
        assert got.getvalue() == data
    f.delete("big.bin")
    f.mkd("many")
    f.cwd("many")
    for i in range(NFILES):
        f.storbinary("STOR file%03d.txt" % i, io.BytesIO(b"x" * 10))
    for _ in range(runs):
        lines = []
        t0 = time.perf_counter()
        f.retrlines("LIST", lines.append)
        lst.append(time.perf_counter() - t0)
        assert len(lines) == NFILES, len(lines)
    for i in range(NFILES):
        f.delete("file%03d.txt" % i)
    f.cwd("..")
    f.rmd("many")
    f.quit()
    return statistics.median(stor), statistics.median(retr), statistics.median(lst)


def make_image(exe, size):
    """A real image of `size` bytes: the stripped executable padded to size-32, then its MD5."""
    with tempfile.NamedTemporaryFile(delete=False) as t:
        tmp = t.name
    shutil.copy(exe, tmp)
    if shutil.which("strip"):
        subprocess.run(["strip", tmp], check=True)
    body = open(tmp, "rb").read()
    os.unlink(tmp)
    if len(body) > size - 32:
        raise RuntimeError("the executable is larger than %d bytes" % size)
    body += b"\0" * (size - 32 - len(body))
    return body + hashlib.md5(body).hexdigest().encode()


def telnet_repl(b):
    end = time.monotonic() + 10
    while True:
        t = Telnet(b.port)
        m = t.read_regex(rb"Login as: |busy[^\n]*\n")
        if b"busy" not in m.group(0):
            t.buf[:0] = m.string[:m.end()]
            break
        t.close()
        if time.monotonic() > end:
            raise RuntimeError("telnet stays busy")
    t.login()
    t.read_until(PROMPT)
    return t


def ota(wipy, runs, d):
    """Medians (s): upload only, and upload + reset + new firmware's prompt over telnet."""
    img = make_image(wipy, 2 * 1024 * 1024)
    b = Board(os.path.join(d, "ota"), wipy=wipy)
    up, total = [], []
    try:
        for _ in range(runs):
            t = telnet_repl(b)
            t0 = time.perf_counter()
            f = connect(b.ftp_port, "micro", "python")
            f.storbinary("STOR /flash/sys/mcuimg.bin", io.BytesIO(img), 65536)
            f.close()
            up.append(time.perf_counter() - t0)
            t.send(b"import machine; machine.reset()\r")
            t.read_all()
            t.close()
            b.wait_telnet_line()
            telnet_repl(b).close()
            total.append(time.perf_counter() - t0)
    finally:
        b.kill()
    return statistics.median(up), statistics.median(total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", required=True)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--markdown")
    a = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        b = Board(os.path.join(d, "board"), wipy=a.wipy)
        try:
            ours = time_ops(b.ftp_port, "micro", "python", "/flash", a.runs)
        finally:
            b.kill()
        theirs = None
        if os.path.exists(VSFTPD):
            proc, port = start_vsftpd(os.path.join(d, "vsftpd"))
            try:
                theirs = time_ops(port, "anonymous", "", "/pub", a.runs)
            finally:
                proc.kill()
                proc.wait(10)
        for name, i in (("STOR 160 KB", 0), ("RETR 160 KB", 1), ("LIST, 200 files", 2)):
            v = theirs[i] * 1000 if theirs else float("nan")
            rows.append((name, ours[i] * 1000, v, v / (ours[i] * 1000) if theirs else float("nan")))
        up, total = ota(a.wipy, max(3, a.runs // 3), d)
    lines = ["| FTP on loopback (median of %d) | board ms | vsftpd ms | board speed-up |" % a.runs,
             "|---|---:|---:|---:|"]
    for name, o, t, r in rows:
        lines.append("| %s | %.2f | %.2f | %.2fx |" % (name, o, t, r))
    lines += ["", "| OTA, 2 MB image | ms |", "|---|---:|",
              "| upload (STOR to /flash/sys/mcuimg.bin) | %.1f |" % (up * 1000),
              "| upload start to the new firmware's `>>> ` over telnet | %.1f |" % (total * 1000)]
    text = "\n".join(lines)
    print(text)
    if a.markdown:
        with open(a.markdown, "a") as f:
            f.write(text + "\n")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
