"""Firmware slots, OTA and the bootloader (spec §12, issue 11): an image uploaded to
/flash/sys/mcuimg.bin goes to the inactive update slot (never on the FAT volume) and arms the boot
info; machine.reset() runs it; a corrupt image or a wrong MD5 trailer falls back (image deleted); a
0-byte or cut upload changes nothing; an image that can't run stops the board with one line; a
different build is "flashed over the cable"; certificates go to the hidden store; SIGKILL at random
instants of upload and reset never leaves a board that can't boot; --safe-boot; and MicroPython's
own update-wipy.py, unmodified, on the default ports in a private network namespace."""
import ftplib
import functools
import hashlib
import io
import os
import random
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

import pytest

from conftest import PROMPT, ROOT, SCALE, T, Board, Ftp, friendly_exec, recv_all, wipy_path
from test_image import other_version_image

FACTORY = subprocess.run([wipy_path(), "-c", "import os; print(os.uname().release)"], stdout=subprocess.PIPE,
                         timeout=T).stdout.decode().strip()
NEW = "9.9.1"
OTHER = "7.6.5"


def hidden(board, name):
    p = os.path.join(board.state, "hidden", name)
    return open(p, "rb").read() if os.path.exists(p) else None


def bootinfo(board):
    return hidden(board, "bootinfo.bin")


def ftp(board):
    f = ftplib.FTP()
    f.connect("127.0.0.1", board.ftp_port, timeout=T)
    f.login("micro", "python")
    return f


def upload(board, data, path="/flash/sys/mcuimg.bin"):
    f = ftp(board)
    try:
        return f.storbinary("STOR " + path, io.BytesIO(data))
    except ftplib.error_temp as e:
        return str(e)
    finally:
        f.close()


def repl(board):
    """A telnet REPL session; the one just closed may not be gone yet on the board's side (one
    client at a time), so a "busy" answer is tried again, within the usual bound."""
    end = time.monotonic() + T
    while True:
        t = board.telnet(login=False)
        first = t.read_regex(rb"Login as: |busy[^\n]*\n")
        if b"busy" not in first.group(0):
            t.buf[:0] = first.string[:first.end()]
            break
        t.close()
        assert time.monotonic() < end, "telnet stays busy"
    t.repl()
    return t


def release(board):
    t = repl(board)
    r = friendly_exec(t, b"import os; print(os.uname().release)").decode().strip()
    t.close()
    return r


def hard_reset(board):
    t = repl(board)
    t.send(b"import machine; machine.reset()\r")
    t.read_all()
    board.wait_telnet_line()


@functools.lru_cache(maxsize=None)
def image(version):
    return open(other_version_image(version), "rb").read()


def test_good_image_goes_to_the_inactive_slot(make_board):
    b = make_board()
    assert bootinfo(b) == b"\x00\x01\x00\x00"
    fact = hidden(b, "factimg.bin")
    assert fact[:-32] == open(wipy_path(), "rb").read() and fact[-32:] == hashlib.md5(fact[:-32]).hexdigest().encode()
    img = image(NEW)
    assert upload(b, img).startswith("226")
    assert hidden(b, "updtimg1.bin") == img
    assert bootinfo(b) == b"\x01\x00\x00\x00"  # active 1, check pending, previous factory
    f = ftp(b)
    assert f.nlst("/flash/sys") == []
    with pytest.raises(ftplib.error_perm, match="550"):
        f.size("/flash/sys/mcuimg.bin")
    f.quit()
    t = repl(b)
    assert friendly_exec(t, b"import os; print(os.listdir('/flash/sys'), os.uname().release)") == \
        ("[] %s\r\n" % FACTORY).encode()  # unchanged until the next hard reset
    t.close()
    hard_reset(b)
    assert release(b) == NEW
    assert bootinfo(b) == b"\x01\x01\x00\x00"
    # the next one goes to update slot 2, and the previous is remembered
    assert upload(b, image(OTHER)).startswith("226")
    assert bootinfo(b) == b"\x02\x00\x01\x00"
    hard_reset(b)
    assert release(b) == OTHER
    assert bootinfo(b) == b"\x02\x01\x01\x00"
    assert hidden(b, "updtimg1.bin") == img


@pytest.mark.parametrize("how", ["corrupt body", "wrong trailer"])
def test_bad_image_falls_back_and_is_deleted(make_board, how):
    b = make_board()
    img = bytearray(image(NEW))
    if how == "corrupt body":
        img[len(img) // 2] ^= 0xFF
    else:
        img[-32:] = hashlib.md5(b"something else").hexdigest().encode()
    assert upload(b, bytes(img)).startswith("226")
    assert bootinfo(b) == b"\x01\x00\x00\x00"
    b.term.clear()
    hard_reset(b)
    assert b"wipy bootloader: the image in update slot 1 failed its MD5 check; deleted, booting the factory image\r\n" \
        in b.before_telnet_line
    assert release(b) == FACTORY
    assert hidden(b, "updtimg1.bin") is None
    assert bootinfo(b) == b"\x00\x01\x00\x00"


def test_empty_and_cut_uploads_change_nothing(make_board):
    b = make_board()
    c = Ftp(b.ftp_port).login()
    s = c.pasv()
    assert c.cmd("STOR /flash/sys/mcuimg.bin") == b"150 Opening data connection.\r\n"
    s.close()
    assert c.reply() == b"451 Firmware image refused: 0 bytes can't hold an image and its MD5.\r\n"
    s = c.pasv()
    assert c.cmd("STOR /flash/sys/mcuimg.bin") == b"150 Opening data connection.\r\n"
    s.sendall(image(NEW)[:100000])
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    r = c.reply(timeout=T + 5 * SCALE)
    # lost, or idle when the reset came before the board accepted the connection
    assert r in (b"426 Data connection lost; transfer aborted.\r\n",
                 b"426 Data connection idle for 5 s; transfer aborted.\r\n"), r
    assert os.listdir(os.path.join(b.state, "hidden")) == ["factimg.bin", "bootinfo.bin"] or \
        sorted(os.listdir(os.path.join(b.state, "hidden"))) == ["bootinfo.bin", "factimg.bin"]
    assert bootinfo(b) == b"\x00\x01\x00\x00"
    c.cmd("QUIT")
    hard_reset(b)
    assert release(b) == FACTORY


def test_image_that_cannot_run_stops_with_one_line(make_board):
    b = make_board()
    body = os.urandom(5000)
    assert upload(b, body + hashlib.md5(body).hexdigest().encode()).startswith("226")
    t = repl(b)
    t.send(b"import machine; machine.reset()\r")
    t.read_all()
    line = b.term.read_until(b"the LED stays on\r\n")
    assert line.endswith(b"wipy bootloader: can't run the firmware in update slot 1 (Exec format error); "
                         b"the LED stays on\r\n"), line
    assert b.alive()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", b.port), timeout=2).recv(1)
    # safe boot with the factory image gets the board back
    b.kill()
    b2 = make_board(b.state, args=["--clock", "virtual", "--safe-boot", "factory"])
    assert release(b2) == FACTORY


def test_flashed_over_the_cable(make_board, tmp_path):
    b = make_board()
    assert upload(b, image(NEW)).startswith("226")
    b.kill()
    other = os.path.join(os.path.dirname(other_version_image(OTHER)), "wipy")
    b2 = make_board(b.state, wipy=other)
    assert release(b2) == OTHER  # a new build replaces the factory image and wins over the update
    fact = hidden(b2, "factimg.bin")
    assert fact[:-32] == open(other, "rb").read()
    assert bootinfo(b2) == b"\x00\x01\x00\x00"


def test_certificates_go_to_the_hidden_store(make_board):
    b = make_board()
    for name in ("ca.pem", "cert.pem", "private.key"):
        data = ("-----BEGIN %s-----\n" % name).encode() * 20
        assert upload(b, data, "/flash/cert/" + name).startswith("226")
        assert hidden(b, name) == data
    f = ftp(b)
    assert f.nlst("/flash/cert") == []
    f.quit()


def test_safe_boot_choices_are_not_persistent(make_board):
    b = make_board()
    t = repl(b)
    friendly_exec(t, b"f = open('/flash/boot.py', 'a'); f.write('import network\\r\\nnetwork.Server().deinit()\\r\\n'); f.close()")
    t.close()
    assert upload(b, image(OTHER)).startswith("226")  # slot 1
    hard_reset(b)  # boot.py now stops the servers: locked out over the network
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", b.port), timeout=2).recv(1)
    b.kill()
    b = make_board(b.state, args=["--clock", "virtual", "--safe-boot", "latest"])
    assert release(b) == OTHER  # boot.py skipped: telnet is there
    f = ftp(b)
    f.storbinary("STOR /flash/sys/mcuimg.bin", io.BytesIO(image(NEW)))  # slot 2, previous = 1
    f.storbinary("STOR /flash/boot.py", io.BytesIO(b"# fixed\r\n"))
    f.quit()
    b.kill()
    b = make_board(b.state, args=["--clock", "virtual", "--safe-boot", "previous"])
    assert release(b) == OTHER
    assert bootinfo(b) == b"\x02\x01\x01\x00"
    b.kill()
    b = make_board(b.state, args=["--clock", "virtual", "--safe-boot", "factory"])
    assert release(b) == FACTORY
    t = repl(b)
    assert friendly_exec(t, b"print(open('/flash/boot.py').read())") == b"# fixed\r\n\r\n"
    t.send(b"import machine; machine.reset()\r")  # not persistent: the latest runs again
    t.read_all()
    b.wait_telnet_line()
    assert release(b) == NEW


def test_sigkill_at_100_instants_of_upload_and_reset(make_board, tmp_path):
    rng = random.Random(11)
    img = image(NEW)
    state = tmp_path / "killed"
    seen = set()
    b = make_board(state)
    for i in range(100):
        delay = rng.uniform(0, 0.25)
        victim = b

        def killer():
            time.sleep(delay)
            try:
                os.killpg(victim.pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        k = threading.Thread(target=killer)
        k.start()
        try:
            f = ftplib.FTP()
            f.connect("127.0.0.1", b.ftp_port, timeout=T)
            f.login("micro", "python")
            f.storbinary("STOR /flash/sys/mcuimg.bin", io.BytesIO(img if i % 2 else image(OTHER)))
            f.close()
            t = repl(b)
            t.send(b"import machine; machine.reset()\r")
            t.read_all()
        except (OSError, EOFError, ftplib.Error, AssertionError):
            pass
        k.join()
        b.kill()
        # power back on: it must boot, to one of the versions it had
        b = make_board(state)
        r = release(b)
        assert r in (FACTORY, NEW, OTHER), r
        seen.add(r)
    assert len(seen) >= 2, seen


def netns_ok():
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare/ip (util-linux, iproute2) are not installed"
    r = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=T)
    if r.returncode != 0:
        return "no private network namespace here (unshare -n: %s)" % r.stdout.decode().strip()
    return None


UPDATE_WIPY = "/work/mp/ports/cc3200/tools/update-wipy.py"

HELPER = r'''
import os, subprocess, sys, time
sys.path.insert(0, %(tests)r)
import harness
from harness import Board, friendly_exec
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
b = Board(%(state)r, port=23, args=["--ftp-port", "21", "--ftp-data-port", "2024"])
try:
    r = subprocess.run([sys.executable, %(tool)r, "--file", %(img)r, "--ip", "127.0.0.1", "--verify",
                        "--tag", %(new)r], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    print("TOOL-STATUS", r.returncode)
    print(r.stdout.decode())
    t = b.telnet(login=False)
    t.repl()
    print("RELEASE", friendly_exec(t, b"import os; print(os.uname().release)").decode().strip())
finally:
    b.kill()
'''


def test_update_wipy_unmodified_on_the_default_ports(tmp_path):
    """update-wipy.py talks to ports 21 and 23 of --ip: the board runs on them in a network
    namespace of its own, so they are free whatever runs on this machine."""
    if not os.path.exists(UPDATE_WIPY):
        pytest.skip("MicroPython's update-wipy.py is not at " + UPDATE_WIPY)
    why = netns_ok()
    if why:
        pytest.skip("update-wipy.py needs ports 21 and 23: " + why)
    img = other_version_image(NEW)
    helper = tmp_path / "helper.py"
    helper.write_text(HELPER % {"tests": os.path.join(ROOT, "tests"), "state": str(tmp_path / "st"),
                                "tool": UPDATE_WIPY, "img": img, "new": NEW})
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    r = subprocess.run(["unshare", "-n", "/usr/bin/python3", str(helper)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=240, cwd=str(tmp_path), env=env)
    out = r.stdout.decode()
    assert r.returncode == 0, out
    assert "TOOL-STATUS 0" in out and "File transfer complete" in out and "Reset performed" in out, out
    assert "Verification passed" in out, out
    assert "RELEASE %s" % NEW in out, out
