"""The SD card (spec §5 SD, §8 /sd; issue 10 item 8): machine.SD over an image file (--sd, the
board file), os.mount/umount/mkfs and the vfs module, what mtools and fsck.fat find on the image
afterwards, the errors, and the control interface's sd/sd.insert/sd.remove."""
import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import RIG, ROOT, T, control_of, fsck_clean, mdir, mkfs_image, mput, mread

HELPERS = (
    "import os, vfs\n"
    "from machine import SD\n"
    "def err(f, *a, **kw):\n"
    "    try:\n"
    "        f(*a, **kw)\n"
    "    except Exception as e:\n"
    "        return '%s %s' % (type(e).__name__, e.args[0] if e.args else '')\n"
    "    return 'no error'\n"
)


def sd_session(make_session, image, *more):
    s = make_session(["--sd", str(image)] + list(more))
    s.run(HELPERS)
    return s


def test_mkfs_fat_image_mounts_and_board_writes_are_clean(make_session, tmp_path):
    img = mkfs_image(tmp_path / "card.img")
    mput(img, "FROMPC.TXT", b"written by mcopy\r\n", tmp_path)
    s = sd_session(make_session, img)
    out = s.run(
        "sd = SD()\n"
        "os.mount(sd, '/sd')\n"
        "print(os.listdir('/'), os.listdir('/sd'))\n"
        "with open('/sd/FROMPC.TXT') as f:\n"
        "    print(f.read())\n"
        "os.mkdir('/sd/data')\n"
        "with open('/sd/data/A long file name.bin', 'wb') as f:\n"
        "    f.write(bytes(range(256)) * 40)\n"
        "with open('/sd/notes.txt', 'w') as f:\n"
        "    f.write('hello from the board\\n')\n"
        "os.chdir('/sd/data')\n"
        "print(os.getcwd(), os.listdir(), os.stat('A long file name.bin')[6])\n"
        "os.chdir('/flash')\n"
        "os.umount('/sd')\n"
        "print(os.listdir('/'))\n")
    assert out == ("['flash', 'sd'] ['FROMPC.TXT']\nwritten by mcopy\n\n"
                   "/sd/data ['A long file name.bin'] 10240\n['flash']\n")
    fsck_clean(img)
    assert mdir(img) == ["FROMPC.TXT", "data", "notes.txt"]
    assert mdir(img, "::data") == ["A long file name.bin"]
    assert mread(img, "data/A long file name.bin") == bytes(range(256)) * 40
    assert mread(img, "notes.txt") == b"hello from the board\n"


def test_writes_survive_a_kill_and_a_reset(make_board, tmp_path):
    """Write-through: every block goes to the image at once, so a file closed before a SIGKILL is
    on the image, which fsck.fat finds clean; a hard reset keeps the card and its files."""
    img = mkfs_image(tmp_path / "card.img", fat=32, kib=40000)
    from hw_harness import Session
    b = make_board(args=["--sd", img])
    s = Session(b)
    s.run(HELPERS + "os.mount(SD(), '/sd')\n"
          "for i in range(20):\n"
          "    with open('/sd/f%d.txt' % i, 'w') as f:\n"
          "        f.write('file %d\\n' % i * 50)\n"
          "os.mkdir('/sd/dir')\n"
          "open('/sd/dir/x', 'w').close()\n")
    os.killpg(b.pgid, signal.SIGKILL)
    b.proc.wait(T)
    fsck_clean(img)
    assert len(mdir(img)) == 21
    assert mread(img, "f7.txt") == b"file 7\n" * 50
    b2 = make_board(state=b.state, args=["--sd", img])
    s2 = Session(b2)
    out = s2.run(HELPERS + "os.mount(SD(), '/sd')\nwith open('/sd/f19.txt') as f:\n"
                 "    print(len(os.listdir('/sd')), f.read(8))\n"
                 "with open('/sd/after.txt', 'w') as f:\n    f.write('x')\nimport machine\n")
    assert out == "21 file 19\n\n"  # the file's first 8 characters end with its newline
    s2.t.send(b"machine.reset()\x04")  # the raw REPL runs it; the board restarts itself
    b2.wait_telnet_line()
    s3 = Session(b2)
    out = s3.run(HELPERS + "os.mount(SD(), '/sd')\nprint(os.listdir('/sd')[-1], os.listdir('/'))\n")
    assert out == "after.txt ['flash', 'sd']\n"
    fsck_clean(img)


def test_vfs_module(make_session, tmp_path):
    blank = tmp_path / "blank.img"
    blank.write_bytes(bytes(2048 * 512))  # a card with no file system yet
    s = sd_session(make_session, blank)
    out = s.run(
        "sd = SD()\n"
        "print(err(vfs.mount, sd, '/sd'))\n"  # no FAT on it
        "vfs.mount(sd, '/sd', mkfs=True)\n"
        "print(os.listdir('/'), os.listdir('/sd'))\n"
        "with open('/sd/a.txt', 'w') as f:\n"
        "    f.write('A')\n"
        "vfs.umount('/sd')\n"
        "fs = vfs.VfsFat(sd)\n"
        "print(fs, vfs.VfsFat(fs) is not fs)\n"
        "vfs.mount(fs, '/card')\n"
        "print(os.listdir('/'), os.listdir('/card'))\n"
        "print(err(vfs.VfsFat.mkfs, sd))\n"  # mounted: busy
        "vfs.umount('/card')\n"
        "vfs.VfsFat.mkfs(sd)\n"
        "os.mount(vfs.VfsFat(sd), '/sd')\n"
        "print(os.listdir('/sd'), err(vfs.VfsFat, 42), err(vfs.mount, object(), '/x'))\n"
        "vfs.umount('/sd')\n"
        "print(err(vfs.umount, '/sd'))\n")
    assert out == ("OSError 19\n['flash', 'sd'] []\n<VfsFat> True\n['flash', 'card'] ['a.txt']\nOSError 16\n"
                   "[] AttributeError 'int' object has no attribute 'readblocks' "
                   "AttributeError 'object' object has no attribute 'readblocks'\nOSError 19\n")
    fsck_clean(blank)


def test_block_device_protocol(make_session, tmp_path):
    img = mkfs_image(tmp_path / "card.img", kib=1024)
    s = sd_session(make_session, img)
    out = s.run(
        "sd = SD(0, ('GP10', 'GP11', 'GP15'))\n"
        "print(sd.ioctl(4, 0), sd.ioctl(5, 0), sd.ioctl(1, 0), sd.ioctl(3, 0), sd.ioctl(99, 0))\n"
        "b = bytearray(1024)\n"
        "print(sd.readblocks(0, b), b[510:512], b[1024 - 2:])\n"
        "w = bytearray(b'\\xa5' * 512)\n"
        "print(sd.writeblocks(2047, w), err(sd.writeblocks, 2048, w), err(sd.readblocks, 0, bytearray(100)))\n"
        "r = bytearray(512)\n"
        "sd.readblocks(2047, r)\n"
        "print(r == w)\n"
        "sd.deinit()\n"
        "print(err(sd.readblocks, 0, r), err(sd.ioctl, 4, 0), sd.ioctl(1, 0))\n"
        "sd.init()\n"
        "print(sd.readblocks(2047, r))\n")
    assert out == ("2048 512 0 0 None\n0 bytearray(b'U\\xaa') bytearray(b'\\x00\\x00')\n"
                   "0 OSError 5 ValueError the buffer must be a whole number of 512-byte blocks\nTrue\n"
                   "OSError 5 OSError 5 -5\n0\n")
    with open(img, "rb") as f:
        f.seek(2047 * 512)
        assert f.read(512) == b"\xa5" * 512


def test_argument_and_mount_errors(make_session, tmp_path):
    img = mkfs_image(tmp_path / "card.img", kib=1024)
    s = sd_session(make_session, img)
    out = s.run(
        "print(err(SD, 1), err(SD, pins=('GP10', 'GP11')), err(SD, pins=('GP10', 'GP11', 'GP8')))\n"
        "print(err(SD, pins=('GP11', 'GP10', 'GP15')), err(SD, pins=()))\n"
        "sd = SD(pins=('GP16', 'GP17', 'GP15'))\n"  # the other pins with the SD function
        "sd = SD()\n"
        "os.mount(sd, '/sd')\n"
        "print(err(os.mount, sd, '/sd'), err(os.mount, sd, '/sd2'), err(vfs.mount, sd, '/flash'))\n"
        "print(err(os.umount, '/nothing'), err(os.umount, '/flash'), err(os.mkfs, 'sd'), err(os.mkfs, '/nothing'))\n"
        "f = open('/sd/open.txt', 'w')\n"
        "print(err(os.umount, '/sd'))\n"
        "f.close()\n"
        "os.umount('/sd')\n"
        "print(os.listdir('/'))\n")
    assert out == ("OSError 19 ValueError SD pins must be (CLK, CMD, DAT0) ValueError invalid SD DAT0 pin\n"
                   "ValueError invalid SD CLK pin ValueError SD pins must be (CLK, CMD, DAT0)\n"
                   "OSError 1 OSError 16 OSError 1\n"
                   "OSError 19 OSError 1 OSError 22 OSError 22\nOSError 16\n['flash']\n")
    fsck_clean(img)


def test_no_card_and_write_protect(make_board, make_session, tmp_path):
    s = make_session([])
    s.run(HELPERS)
    assert s.run("print(err(SD))\n") == "OSError 5\n"
    # the board file's write-protect tab: mounted read-only, writes refused, the image untouched
    img = mkfs_image(tmp_path / "ro.img", kib=1024)
    before = open(img, "rb").read()
    board = tmp_path / "ro.json"
    board.write_text('{"parts": [{"type": "wipy", "id": "wipy"}], "connections": [], '
                     '"sd": {"image": "%s", "write_protect": true}}' % img)
    s2 = make_session(["--board", str(board)])
    out = s2.run(HELPERS + "sd = SD()\nos.mount(sd, '/sd')\n"
                 "print(err(open, '/sd/x', 'w'), err(os.mkdir, '/sd/d'), err(sd.writeblocks, 0, bytearray(512)),"
                 " os.listdir('/sd'))\nos.umount('/sd')\nprint(err(os.mkfs, sd))\n")
    assert out == "OSError 30 OSError 30 OSError 30 []\nOSError 30\n"
    assert open(img, "rb").read() == before


@pytest.mark.parametrize("case", ["missing", "short", "odd", "dir", "board-missing", "board-bad"])
def test_bad_images_refused_at_start(make_board, tmp_path, case):
    img = tmp_path / "card.img"
    args = ["--sd", str(img)]
    if case == "short":
        img.write_bytes(bytes(512 * 16))
    elif case == "odd":
        img.write_bytes(bytes(512 * 1000 + 3))
    elif case == "dir":
        img.mkdir()
    elif case.startswith("board"):
        board = tmp_path / "b.json"
        sd = '{"image": "nothere.img"}' if case == "board-missing" else '{"image": 5, "size": "1k"}'
        board.write_text('{"parts": [{"type": "wipy", "id": "wipy"}], "connections": [], "sd": %s}' % sd)
        args = ["--board", str(board)]
    b = make_board(args=args, wait=False)
    rc = b.proc.wait(T)
    err = b.stderr_text()
    assert rc == 2, err
    expect = {"missing": "can't open the SD card image '%s': No such file or directory (--sd)" % img,
              "short": "'%s' is not an SD card image: 8192 bytes" % img,
              "odd": "'%s' is not an SD card image: 512003 bytes" % img,
              "dir": "can't open the SD card image '%s': Is a directory (--sd)" % img,
              "board-missing": "nothere.img': No such file or directory (the board file's \"sd\")",
              "board-bad": "sd.image: a file name"}[case]
    assert expect in err, err
    assert len(err.strip().split("\n")) == 1, err


def test_rig_card_made_formatted_in_the_state_directory(make_session, tmp_path):
    s = make_session(["--board", RIG])
    img = os.path.join(s.board.state, "sd.img")
    assert os.path.getsize(img) == 8 * 1024 * 1024
    fsck_clean(img)
    out = s.run(HELPERS + "vfs.mount(SD(), '/sd')\nwith open('/sd/rig.txt', 'w') as f:\n    f.write('rig')\n"
                 "vfs.umount('/sd')\n")
    assert out == ""
    assert mread(img, "rig.txt") == b"rig"


def test_control_insert_remove(make_session, tmp_path):
    a = mkfs_image(tmp_path / "a.img", kib=1024)
    b = mkfs_image(tmp_path / "b.img", kib=2048)
    mput(b, "ONB.TXT", b"on card b", tmp_path)
    s = sd_session(make_session, a, "--control", "127.0.0.1:0")
    c = control_of(s)
    st = c.sd()
    assert st["inserted"] and st["image"] == a and st["blocks"] == 2048 and not st["controller"]
    out = s.run("sd = SD()\nos.mount(sd, '/sd')\nf = open('/sd/kept.txt', 'w')\nf.write('kept')\nf.close()\n"
                "g = open('/sd/open.txt', 'w')\n")
    assert out == ""
    assert c.sd()["controller"] is True and c.sd()["writes"] > 0
    from wipyctl import ControlError
    with pytest.raises(ControlError, match="already in the slot"):
        c.sd_insert(b)
    assert c.sd_remove()["inserted"] is False
    with pytest.raises(ControlError, match="slot is empty"):
        c.sd_remove()
    with pytest.raises(ControlError, match="No such file"):
        c.sd_insert(str(tmp_path / "none.img"))
    out = s.run("print(err(os.listdir, '/sd'), err(open, '/sd/kept.txt'), err(g.write, 'x'), err(os.stat, '/sd'))\n"
                "print(err(g.close), err(SD), os.listdir('/'))\n"
                "os.umount('/sd')\nprint(os.listdir('/'))\n")
    # (g had nothing buffered: closing it writes nothing and succeeds)
    assert out == "OSError 5 OSError 5 OSError 5 OSError 5\nno error OSError 5 ['flash', 'sd']\n['flash']\n"
    fsck_clean(a)
    assert mread(a, "kept.txt") == b"kept"
    # a new card while the old mount still stands: the old mount stays dead, the new one works
    st = c.sd_insert(b)
    assert st["image"] == b and st["blocks"] == 4096
    out = s.run("os.mount(SD(), '/sd')\nwith open('/sd/ONB.TXT') as f:\n    print(os.listdir('/sd'), f.read())\n"
                "os.umount('/sd')\n")
    assert out == "['ONB.TXT'] on card b\n"
    # wipyctl's command-line form
    port = str(c.sock.getpeername()[1])
    wipyctl = [sys.executable, os.path.join(ROOT, "tools", "wipyctl"), "--port", port]
    p = subprocess.run(wipyctl + ["sd", "remove"], capture_output=True, text=True, timeout=T)
    assert p.returncode == 0 and '"inserted": false' in p.stdout, p.stdout + p.stderr
    p = subprocess.run(wipyctl + ["sd", "insert", a, "ro"], capture_output=True, text=True, timeout=T)
    assert p.returncode == 0 and '"write_protect": true' in p.stdout, p.stdout + p.stderr
    p = subprocess.run(wipyctl + ["sd", "remove"], capture_output=True, text=True, timeout=T)
    p = subprocess.run(wipyctl + ["sd", "remove"], capture_output=True, text=True, timeout=T)
    assert p.returncode == 1 and "the SD slot is empty" in p.stderr


def test_removed_card_stays_out_across_a_reset(make_session, tmp_path):
    a = mkfs_image(tmp_path / "a.img", kib=1024)
    s = sd_session(make_session, a, "--control", "127.0.0.1:0")
    c = control_of(s)
    c.sd_remove()
    c.reset("hard")
    s.board.wait_telnet_line()
    from hw_harness import Session
    s2 = Session(s.board)
    assert s2.run(HELPERS + "print(err(SD))\n") == "OSError 5\n"
    assert c.sd()["inserted"] is False
    c.sd_insert(a)
    c.reset("hard")
    s.board.wait_telnet_line()
    s3 = Session(s.board)
    assert s3.run(HELPERS + "os.mount(SD(), '/sd')\nprint(os.listdir('/'))\n") == "['flash', 'sd']\n"


MP_TESTS = "/work/mp/tests"


@pytest.mark.skipif(not os.path.isdir(os.path.join(MP_TESTS, "ports", "cc3200")) or os.geteuid() != 0,
                    reason="MicroPython's tests (and port 23, which needs root) are not here")
def test_micropython_cc3200_sd_and_os(make_board, tmp_path):
    """MicroPython's tests/ports/cc3200/sd.py and os.py, unmodified, by its run-tests.py against a
    rig board on its own loopback address (run-tests.py's telnet always uses port 23)."""
    addr = "127.0.%d.%d" % (os.getpid() % 250 + 1, 23)
    make_board(args=["--board", RIG, "--bind", addr], port=23)
    results = tmp_path / "results"
    p = subprocess.run([sys.executable, "./run-tests.py", "-t", addr, "-r", str(results),
                        "ports/cc3200/sd.py", "ports/cc3200/os.py"],
                       cwd=MP_TESTS, capture_output=True, text=True, timeout=120 * T)
    assert "2 tests passed" in p.stdout, p.stdout + p.stderr


def test_ftp_sees_sd(make_session, tmp_path):
    """/sd through the FTP server as /flash is: listed in /, files stored land on the image."""
    import ftplib
    import io
    img = mkfs_image(tmp_path / "card.img", kib=2048)
    s = sd_session(make_session, img)
    s.run("os.mount(SD(), '/sd')\n")
    ftp = ftplib.FTP()
    ftp.connect("127.0.0.1", s.board.ftp_port, timeout=T)
    ftp.login("micro", "python")
    assert sorted(ftp.nlst("/")) in (["flash", "sd"], ["/flash", "/sd"])
    ftp.storbinary("STOR /sd/up.bin", io.BytesIO(bytes(range(256)) * 9))
    got = io.BytesIO()
    ftp.retrbinary("RETR /sd/up.bin", got.write)
    assert got.getvalue() == bytes(range(256)) * 9
    ftp.quit()
    assert s.run("print(os.listdir('/sd'))\nos.umount('/sd')\n") == "['up.bin']\n"
    fsck_clean(img)
    assert mread(img, "up.bin") == bytes(range(256)) * 9


def test_vfs_python_mounts_board_mode_and_ftp(make_session, tmp_path):
    """vfs.VfsFat over a Python device and a file system written in Python, on the board: os sees
    both, FTP the FAT one only (it is in the table FTP serves; the Python one needs Python to run),
    and a soft reset forgets both and gives the VfsFat's volume back to the pool."""
    import ftplib
    import io
    s = sd_session(make_session, mkfs_image(tmp_path / "card.img", kib=256))
    out = s.run(
        "class RAM:\n"
        "    def __init__(self, n): self.data = bytearray(n * 512)\n"
        "    def readblocks(self, n, buf): buf[:] = self.data[n * 512 : n * 512 + len(buf)]\n"
        "    def writeblocks(self, n, buf): self.data[n * 512 : n * 512 + len(buf)] = buf\n"
        "    def ioctl(self, op, arg): return len(self.data) // 512 if op == 4 else None\n"
        "class UFS:\n"
        "    def mount(self, ro, mkfs): pass\n"
        "    def umount(self): pass\n"
        "    def ilistdir(self, p): return iter([('u.txt', 0x8000, 0)])\n"
        "    def stat(self, p): return (0x8000, 0, 0, 0, 0, 0, 1, 0, 0, 0)\n"
        "d = RAM(64)\n"
        "vfs.VfsFat.mkfs(d)\n"
        "fs = vfs.VfsFat(d)\n"
        "vfs.mount(fs, '/ram')\n"
        "vfs.mount(UFS(), '/user')\n"
        "with open('/ram/r.txt', 'w') as f:\n"
        "    f.write('on a Python device')\n"
        "print(os.listdir('/'), os.listdir('/user'), [m[1] for m in vfs.mount()])\n"
        "print(err(vfs.mount, RAM(2), '/flash'), err(vfs.umount, '/flash'), err(vfs.mount, UFS(), '/ram/x'))\n")
    assert out == ("['flash', 'ram', 'user'] ['u.txt'] ['/flash', '/ram', '/user']\n"
                   "OSError 1 OSError 1 OSError 1\n")
    ftp = ftplib.FTP()
    ftp.connect("127.0.0.1", s.board.ftp_port, timeout=T)
    ftp.login("micro", "python")
    assert sorted(n.lstrip("/") for n in ftp.nlst("/")) == ["flash", "ram"]
    got = io.BytesIO()
    ftp.retrbinary("RETR /ram/r.txt", got.write)
    assert got.getvalue() == b"on a Python device"
    ftp.storbinary("STOR /ram/up.txt", io.BytesIO(b"from FTP"))
    ftp.quit()
    assert s.run("print(fs.open('up.txt', 'r').read(), sorted(os.listdir('/ram')))\n") == \
        "from FTP ['r.txt', 'up.txt']\n"
    s.raw.soft_reset()
    out = s.run(
        "import os, vfs\n"
        "print(os.listdir('/'), vfs.mount())\n"
        "class Zeros:\n"  # no file system on it: each VfsFat still takes a volume
        "    def readblocks(self, n, buf): pass\n"
        "    def ioctl(self, op, arg): return 40 if op == 4 else None\n"
        "print(len([vfs.VfsFat(Zeros()) for i in range(7)]))\n")
    assert out == "['flash'] [(<VfsFat /flash>, '/flash')]\n7\n"
