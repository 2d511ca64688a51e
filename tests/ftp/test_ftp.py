"""The FTP server against real clients (spec §11): Python's ftplib, Debian's ftp (tnftp) after
`passive`, lftp, curl (upload, download, listing, -Q), a FileZilla-like MLSD session, exact reply
bytes on the real socket, one client at a time (421), active mode refused, crafted paths that
never leave the volumes, uploads that fail leaving nothing behind, the 5 s data idle (426), the
server timeout (221), and network.Server's deinit/init."""
import ftplib
import io
import os
import posixpath
import random
import re
import shutil
import socket
import struct
import subprocess
import time

import pytest

from conftest import PROMPT, T, SCALE, Ftp, friendly_exec, recv_all

SPACE_UTF8 = "d\u00e9j\u00e0 vu \u20ac.txt"


def ftplib_client(board):
    f = ftplib.FTP()
    f.encoding = "utf-8"
    f.connect("127.0.0.1", board.ftp_port, timeout=T)
    f.login("micro", "python")
    return f


def run(args, stdin=None, timeout=None):
    r = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout or 3 * T)
    return r.returncode, r.stdout.decode("utf-8", "replace")


def telnet_session(board):
    t = board.telnet(login=False)
    t.repl()
    return t


def test_ftplib_round_trip(board):
    f = ftplib_client(board)
    assert f.pwd() == "/"
    assert f.nlst() == ["flash"]
    f.cwd("/flash")
    names = [n for n, facts in f.mlsd()]
    assert names == ["main.py", "sys", "lib", "cert", "boot.py"]
    data = bytes(random.Random(1).getrandbits(8) for _ in range(100000))
    assert f.storbinary("STOR " + SPACE_UTF8, io.BytesIO(data)).startswith("226")
    got = io.BytesIO()
    f.retrbinary("RETR " + SPACE_UTF8, got.write)
    assert got.getvalue() == data
    assert f.size(SPACE_UTF8) == len(data)
    assert re.fullmatch(r"213 \d{14}", f.sendcmd("MDTM " + SPACE_UTF8))
    lines = []
    f.retrlines("LIST", lines.append)
    assert any(l.startswith("-rw-rw-r-- 1 root root     100000 ") and l.endswith(" " + SPACE_UTF8) for l in lines), lines
    assert any(l.startswith("drwxrwxr-x 1 root root ") and l.endswith(" sys") for l in lines), lines
    # resume a download
    got = io.BytesIO()
    f.retrbinary("RETR " + SPACE_UTF8, got.write, rest=99000)
    assert got.getvalue() == data[99000:]
    # append
    f.storbinary("APPE " + SPACE_UTF8, io.BytesIO(b"tail"))
    assert f.size(SPACE_UTF8) == len(data) + 4
    assert f.mkd("new folder") == "/flash/new folder"
    f.rename(SPACE_UTF8, "new folder/moved.bin")
    assert f.nlst("new folder") == ["moved.bin"]
    with pytest.raises(ftplib.error_perm, match="550"):
        f.rmd("new folder")
    f.delete("new folder/moved.bin")
    f.rmd("new folder")
    f.cwd("..")
    assert f.pwd() == "/"
    f.cwd("../../flash/lib/../..")
    assert f.pwd() == "/"
    f.quit()
    # what FTP wrote, Python sees
    t = telnet_session(board)
    assert friendly_exec(t, b"import os; print(os.listdir('/flash'))") == b"['main.py', 'sys', 'lib', 'cert', 'boot.py']\r\n"


def test_exact_replies_on_the_socket(board):
    c = Ftp(board.ftp_port)
    assert c.reply() == b"220 MicroPython FTP Server\r\n"
    for line in (b"SYST", b"PWD", b"LIST", b"PASV", b"CWD /flash", b"RETR x", b"BOGUS"):
        assert c.cmd(line) == b"530 Please log in with USER and PASS.\r\n", line
    assert c.cmd(b"FEAT") == (b"211-Features:\r\n SIZE\r\n MDTM\r\n UTF8\r\n EPSV\r\n PASV\r\n"
                              b" MLST type*;size*;modify*;\r\n REST STREAM\r\n211 End\r\n")
    assert c.cmd(b"USER micro") == b"331 User name okay, need password.\r\n"
    assert c.cmd(b"PASS nope") == b"530 Login incorrect.\r\n"
    assert c.cmd(b"USER micro") == b"331 User name okay, need password.\r\n"
    assert c.cmd(b"PASS python") == b"230 User logged in.\r\n"
    assert c.cmd(b"SYST") == b"215 UNIX Type: L8\r\n"
    assert c.cmd(b"PWD") == b'257 "/"\r\n'
    assert c.cmd(b"CWD flash") == b'250 Directory changed to "/flash".\r\n'
    assert c.cmd(b"TYPE I") == b"200 Type set to I.\r\n"
    d = board.ftp_data_port
    assert c.cmd(b"PASV") == b"227 Entering Passive Mode (127,0,0,1,%d,%d)\r\n" % (d >> 8, d & 255)
    assert c.cmd(b"EPSV") == b"229 Entering Extended Passive Mode (|||%d|)\r\n" % d
    assert c.cmd(b"PORT 127,0,0,1,200,1") == b"502 Active mode not supported, use PASV or EPSV.\r\n"
    assert c.cmd(b"EPRT |1|127.0.0.1|51201|") == b"502 Active mode not supported, use PASV or EPSV.\r\n"
    assert c.cmd(b"SIZE main.py") == b"213 34\r\n"
    assert c.cmd(b"MKD a dir") == b'257 "/flash/a dir" created\r\n'
    assert c.cmd(b"RMD a dir") == b"250 Directory removed.\r\n"
    assert c.cmd(b"DELE nothing") == b"550 No such file or directory.\r\n"
    assert c.cmd(b"NOOP") == b"200 OK.\r\n"
    assert c.cmd(b"SITE HELP") == b"502 Command not implemented.\r\n"
    s = c.pasv()
    assert c.cmd(b"NLST") == b"150 Opening data connection.\r\n"
    assert recv_all(s) == b"main.py\r\nsys\r\nlib\r\ncert\r\nboot.py\r\n"
    assert c.reply() == b"226 Transfer complete.\r\n"
    s = c.pasv()
    assert c.cmd(b"RETR main.py") == b"150 Opening data connection.\r\n"
    assert recv_all(s) == b"# main.py -- put your code here!\r\n"
    assert c.reply() == b"226 Transfer complete.\r\n"
    assert c.cmd(b"QUIT") == b"221 Goodbye.\r\n"
    assert c.read_all() == b""


def test_second_client_gets_421_and_first_goes_on(board):
    c = Ftp(board.ftp_port).login()
    c2 = Ftp(board.ftp_port)
    assert c2.read_all() == b"421 Too many connections: one client at a time.\r\n"
    assert c.cmd(b"NOOP") == b"200 OK.\r\n"
    # a second data connection is refused too
    s = c.pasv()
    s2 = socket.create_connection(("127.0.0.1", board.ftp_data_port), timeout=T)
    assert recv_all(s2) == b""
    assert c.cmd(b"LIST /") == b"150 Opening data connection.\r\n"
    assert recv_all(s).endswith(b" flash\r\n")
    assert c.reply() == b"226 Transfer complete.\r\n"
    c.cmd(b"QUIT")
    Ftp(board.ftp_port).login().cmd(b"QUIT")


def test_debian_ftp_client(board, tmp_path):
    if shutil.which("ftp") is None:
        pytest.skip("Debian's ftp is not installed (scripts/deps.sh installs it)")
    src = tmp_path / "up load.bin"
    data = os.urandom(50000)
    src.write_bytes(data)
    os.chdir(tmp_path)
    # tnftp starts in passive mode and a bare `passive` toggles it: say which
    script = ("user micro python\npassive on\nbinary\ncd /flash\nput \"up load.bin\" \"up load.bin\"\n"
              "get \"up load.bin\" back.bin\nls\nmkdir d\nrmdir d\ndelete \"up load.bin\"\nbye\n")
    rc, out = run(["ftp", "-n", "-v", "127.0.0.1", str(board.ftp_port)], stdin=script.encode())
    assert rc == 0, out
    assert (tmp_path / "back.bin").read_bytes() == data
    assert "226 Transfer complete." in out and "boot.py" in out and "257 \"/flash/d\" created" in out, out
    assert "421" not in out and "Not connected" not in out, out


def test_lftp(board, tmp_path):
    if shutil.which("lftp") is None:
        pytest.skip("lftp is not installed")
    (tmp_path / "a b.txt").write_bytes(b"hello lftp\n" * 1000)
    os.chdir(tmp_path)
    cmds = ("set net:max-retries 1; set net:timeout 10; set ftp:passive-mode on; cd /flash; "
            "put 'a b.txt'; get 'a b.txt' -o back.txt; cls -1; mkdir lf; mv 'a b.txt' lf/c.txt; cls -1 lf; "
            "rm lf/c.txt; rmdir lf; bye")
    rc, out = run(["lftp", "-u", "micro,python", "-p", str(board.ftp_port), "-e", cmds, "127.0.0.1"])
    assert rc == 0, out
    assert (tmp_path / "back.txt").read_bytes() == b"hello lftp\n" * 1000
    assert out.splitlines() == ["a b.txt", "boot.py", "cert/", "lib/", "main.py", "sys/", "lf/c.txt"], out


def test_curl(board, tmp_path):
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    base = "ftp://micro:python@127.0.0.1:%d" % board.ftp_port
    src = tmp_path / "c.bin"
    data = os.urandom(70000)
    src.write_bytes(data)
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-T", str(src), base + "/flash/lib/c%20file.bin"])
    assert rc == 0, out
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-o", str(tmp_path / "back"), base + "/flash/lib/c%20file.bin"])
    assert rc == 0, out
    assert (tmp_path / "back").read_bytes() == data
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "--list-only", base + "/flash/lib/"])
    assert rc == 0 and out.splitlines() == ["c file.bin"], out
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), base + "/flash/"])
    assert rc == 0 and re.search(r"^drwxrwxr-x 1 root root +0 \w{3} [ \d]\d \d\d:\d\d lib\r?$", out, re.M), out
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-Q", "DELE /flash/lib/c file.bin",
                   "-Q", "MKD /flash/made", base + "/flash/lib/"])
    assert rc == 0 and out == "", out
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "--list-only", base + "/flash/"])
    assert out.splitlines() == ["main.py", "sys", "lib", "cert", "boot.py", "made"], out
    # a failing quote command is curl's error, with the server's code
    rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-Q", "DELE /flash/none", base + "/flash/"])
    assert rc != 0 and "550" in out, out


def test_filezilla_like_mlsd_session(board):
    """FileZilla's documented order on one connection: USER, PASS, SYST, FEAT, OPTS UTF8 ON, PWD,
    TYPE I, PASV, MLSD; CWD, PWD, PASV, MLSD; PASV, STOR; PASV, RETR; MLSD parsed by facts."""
    c = Ftp(board.ftp_port).login()
    assert c.cmd("SYST") == b"215 UNIX Type: L8\r\n"
    assert b" MLST type*;size*;modify*;\r\n" in c.cmd("FEAT")
    assert c.cmd("OPTS UTF8 ON") == b"200 UTF8 mode is always on.\r\n"
    assert c.cmd("PWD") == b'257 "/"\r\n'
    assert c.cmd("TYPE I") == b"200 Type set to I.\r\n"

    def mlsd(path=None):
        s = c.pasv()
        assert c.cmd("MLSD" + (" " + path if path else "")) == b"150 Opening data connection.\r\n"
        body = recv_all(s)
        assert c.reply() == b"226 Transfer complete.\r\n"
        entries = {}
        for line in body.decode("utf-8").split("\r\n")[:-1]:
            facts, name = line.split(" ", 1)
            entries[name] = dict(f.split("=", 1) for f in facts.rstrip(";").split(";"))
        return entries

    assert mlsd() == {"flash": {"type": "dir", "modify": "20000101000000"}}
    assert c.cmd("CWD /flash") == b'250 Directory changed to "/flash".\r\n'
    assert c.cmd("PWD") == b'257 "/flash"\r\n'
    e = mlsd()
    assert e["main.py"]["type"] == "file" and e["main.py"]["size"] == "34" and e["sys"]["type"] == "dir"
    name = "Fichier \u00e9t\u00e9.txt".encode()
    s = c.pasv()
    assert c.cmd(b"STOR " + name) == b"150 Opening data connection.\r\n"
    s.sendall(b"z" * 3000)
    s.close()
    assert c.reply() == b"226 Transfer complete.\r\n"
    assert mlsd()["Fichier \u00e9t\u00e9.txt"]["size"] == "3000"
    assert c.cmd(b"MLST " + name).startswith(b"250-Listing /flash/" + name + b"\r\n type=file;size=3000;modify=")
    s = c.pasv()
    assert c.cmd(b"RETR " + name) == b"150 Opening data connection.\r\n"
    assert recv_all(s) == b"z" * 3000
    assert c.reply() == b"226 Transfer complete.\r\n"
    c.cmd("QUIT")


def clamp(cwd, path):
    """What the server must make of a path: absolute, '..' never above '/'."""
    parts = [] if path.startswith("/") else [p for p in cwd.split("/") if p]
    for p in path.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if parts:
                parts.pop()
        else:
            parts.append(p)
    return "/" + "/".join(parts)


def test_10000_crafted_paths_never_leave_the_volumes(board, tmp_path):
    # a file beside the board's state and one at the host's root are what an escape would find
    secret = os.path.join(os.path.dirname(board.state), "secret.txt")
    with open(secret, "wb") as f:
        f.write(b"s" * 4321)
    c = Ftp(board.ftp_port).login()
    # the files the volume has, with their sizes
    known = {"/flash/main.py": 34, "/flash/boot.py": None}
    pieces = ["..", ".", "/", "//", "flash", "lib", "sys", "etc", "passwd", "secret.txt", "...", " ", "a b",
              "\u00e9\u20ac", "%2e%2e", "\\..\\", "~", "*", "-la", "flash/..", "/../..", "main.py", "x" * 40,
              os.path.basename(board.state), "state0", "tmp"]
    rng = random.Random(7)
    dirs = {"/", "/flash", "/flash/sys", "/flash/lib", "/flash/cert"}
    cwd = "/"
    for i in range(10000):
        path = "".join(rng.choice(pieces) + ("/" if rng.random() < 0.5 else "") for _ in range(rng.randint(1, 10)))
        verb = ("CWD", "SIZE", "MKD", "RETR")[i % 4]
        r = c.cmd(("%s %s" % (verb, path)).encode("utf-8"))
        want = clamp(cwd, path)
        if verb == "CWD":
            if r.startswith(b"250"):
                assert want in dirs or want.startswith("/flash/"), (path, r)
                cwd = want
            else:
                assert r.startswith(b"550"), (path, r)
            if i % 400 == 0:
                assert c.cmd(b"PWD") == ('257 "%s"\r\n' % cwd).encode("utf-8"), path
        elif verb == "SIZE":
            if r.startswith(b"213"):
                assert want in known or want.startswith("/flash/"), (path, r)
                assert r != b"213 4321\r\n"
            else:
                assert r.startswith(b"550"), (path, r)
        elif verb == "MKD":
            if r.startswith(b"257"):
                assert r.startswith(b'257 "/flash/'), (path, r)
                dirs.add(want)
            else:
                assert r.startswith(b"550"), (path, r)
        else:
            assert r in (b"425 Use PASV or EPSV first.\r\n",), (path, r)
    # nothing of it reached the host: the secret is untouched and no folder appeared beside it
    assert open(secret, "rb").read() == b"s" * 4321
    assert sorted(os.listdir(os.path.dirname(board.state))) == sorted(os.listdir(os.path.dirname(board.state)))
    for p in ("/etc/passwd", "/../../etc/passwd", "../" * 20 + "etc/passwd", "/flash/../../" + secret):
        assert c.cmd(b"SIZE " + p.encode()) == b"550 No such file or directory.\r\n", p
    c.cmd(b"QUIT")


def test_failed_uploads_leave_nothing(board):
    c = Ftp(board.ftp_port).login()
    c.cmd("CWD /flash")
    # the volume fills up: 451, no file, the others intact
    s = c.pasv()
    assert c.cmd("STOR huge.bin") == b"150 Opening data connection.\r\n"
    try:
        s.sendall(os.urandom(300 * 1024))
    except OSError:
        pass  # the server closed the data connection when the volume was full
    s.close()
    assert c.reply() == b"451 Write error: No space left on device.\r\n"
    assert c.cmd("SIZE huge.bin") == b"550 No such file or directory.\r\n"
    assert c.cmd("SIZE main.py") == b"213 34\r\n"
    # the client resets the data connection mid-upload: 426, the old content kept
    s = c.pasv()
    assert c.cmd("STOR main.py") == b"150 Opening data connection.\r\n"
    s.sendall(b"x" * 5000)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    r = c.reply(timeout=T + 5 * SCALE)
    # a reset after the data was read may look like a plain end to the server: then it is stored
    # whole; one before the board accepted the connection leaves it idle
    assert r in (b"426 Data connection lost; transfer aborted.\r\n", b"226 Transfer complete.\r\n",
                 b"426 Data connection idle for 5 s; transfer aborted.\r\n"), r
    assert c.cmd("SIZE main.py") == (b"213 34\r\n" if r.startswith(b"426") else b"213 5000\r\n")
    # the command connection goes away mid-upload: nothing left of the new file
    s = c.pasv()
    assert c.cmd("STOR gone.bin") == b"150 Opening data connection.\r\n"
    s.sendall(b"y" * 3000)
    c.close()
    s.close()
    c = Ftp(board.ftp_port).login()
    assert c.cmd("SIZE /flash/gone.bin") == b"550 No such file or directory.\r\n"
    s = c.pasv()
    c.cmd("NLST /flash")
    names = recv_all(s).split(b"\r\n")
    assert not any(n.endswith(b".part") for n in names), names
    c.reply()
    # the space of the failed uploads came back: a 150 KB file fits
    s = c.pasv()
    assert c.cmd("STOR /flash/fits.bin") == b"150 Opening data connection.\r\n"
    s.sendall(b"f" * 150000)
    s.close()
    assert c.reply() == b"226 Transfer complete.\r\n"
    c.cmd("QUIT")


def test_data_connection_idle_426(board):
    c = Ftp(board.ftp_port).login()
    s = c.pasv()
    assert c.cmd("STOR /flash/slow.bin") == b"150 Opening data connection.\r\n"
    s.sendall(b"abc")
    t0 = time.monotonic()
    assert c.reply(timeout=10 * SCALE) == b"426 Data connection idle for 5 s; transfer aborted.\r\n"
    assert time.monotonic() - t0 >= 4.5
    assert recv_all(s) == b""
    assert c.cmd("SIZE /flash/slow.bin") == b"550 No such file or directory.\r\n"
    assert c.cmd("NOOP") == b"200 OK.\r\n"
    c.cmd("QUIT")


def test_server_timeout_221_and_deinit(board):
    # Python on the board's terminal (UART0): deinit closes the telnet session too
    board.term.read_until(PROMPT)
    assert friendly_exec(board.term, b"import network; s = network.Server(timeout=5)") == b""
    c = Ftp(board.ftp_port).login()
    t0 = time.monotonic()
    assert c.reply(timeout=12 * SCALE) == b"221 Idle timeout; closing the connection.\r\n"
    assert time.monotonic() - t0 >= 4.5
    assert c.read_all() == b""
    # deinit stops both servers; init starts them again on the same ports
    # the console says the telnet server stopped (issue 14), then the answer
    assert friendly_exec(board.term, b"s.deinit(); print(s.isrunning())") == b"Telnet server stopped\r\nFalse\r\n"
    with pytest.raises(OSError):
        Ftp(board.ftp_port).reply(timeout=2)
    assert friendly_exec(board.term, b"s.init(login=('u2', 'p2'), timeout=300)") == \
        b"Telnet server on 127.0.0.1:%d\r\n" % board.port
    t = board.telnet(login=False)
    t.login(b"u2", b"p2")
    t.read_until(b">>> ")
    c = Ftp(board.ftp_port)
    c.login(b"u2", b"p2")
    assert c.cmd("PWD") == b'257 "/"\r\n'
    c.cmd("QUIT")


def test_soft_reset_during_a_download(board):
    c = Ftp(board.ftp_port).login()
    s = c.pasv()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    c.cmd("STOR /flash/big.bin")
    s.sendall(b"q" * 120000)
    s.close()
    assert c.reply() == b"226 Transfer complete.\r\n"
    s = c.pasv()
    assert c.cmd("RETR /flash/big.bin") == b"150 Opening data connection.\r\n"
    s.recv(1000)  # started, and then the board soft-resets with the file open
    t = board.telnet(login=False)
    t.repl()
    t.write(b"\x04")
    t.read_until(b"MPY: soft reboot")
    t.read_until(b">>> ")
    r = c.reply()
    assert r in (b"426 Data connection lost; transfer aborted.\r\n", b"226 Transfer complete.\r\n"), r
    s.close()
    assert c.cmd("SIZE /flash/big.bin") == b"213 120000\r\n"
    c.cmd("QUIT")


def test_ftp_port_in_use_is_one_clear_line(make_board, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    from conftest import harness
    b = harness.Board(tmp_path / "st", args=["--ftp-port", str(port), "--ftp-data-port", "0"], wait=False)
    try:
        assert b.proc.wait(T) == 2
        err = b.stderr_text()
        assert err.count("\n") == 1 and "--ftp-port" in err and "Address already in use" in err, err
    finally:
        b.kill()
        busy.close()


def test_ftp_port_0_alone_picks_a_free_data_port_too(make_board, tmp_path):
    """`--ftp-port 0` without --ftp-data-port: the passive data port is a free one too (not 2024), so
    two boards on one address both serve FTP; curl moves a file to and from each."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    boards = [make_board(tmp_path / ("st%d" % i), args=["--ftp-port", "0"]) for i in range(2)]
    data_ports = [b.ftp_data_port for b in boards]
    assert None not in data_ports and 2024 not in data_ports and data_ports[0] != data_ports[1], data_ports
    for i, b in enumerate(boards):
        url = "ftp://micro:python@127.0.0.1:%d/flash/b%d.bin" % (b.ftp_port, i)
        data = os.urandom(5000 + i)
        (tmp_path / ("up%d" % i)).write_bytes(data)
        rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-T", str(tmp_path / ("up%d" % i)), url])
        assert rc == 0, out
        rc, out = run(["curl", "-sS", "--max-time", str(int(3 * T)), "-o", str(tmp_path / ("back%d" % i)), url])
        assert rc == 0, out
        assert (tmp_path / ("back%d" % i)).read_bytes() == data
        c = ftplib_client(b)  # what PASV offers is the data port the board announced
        assert c.makepasv()[1] == data_ports[i]
        c.quit()
