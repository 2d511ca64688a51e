"""The os module and file objects on FAT volumes (spec §8), in script mode: /flash through
`wipy --flash IMAGE` and /sd through os.mount of a Python block device over a bytearray. The images
are then checked with fsck.fat -n and read back with mtools (mdir/mcopy) byte for byte."""
import os
import subprocess
import textwrap

import pytest

MAIN_PY = b"# main.py -- put your code here!\r\n"
BOOT_PY = (b"# boot.py -- run on boot to configure USB and filesystem\r\n# Put app code in main.py\r\n"
           b"import os, machine\r\nos.dupterm(machine.UART(0, 115200))\r\n")

# A block device in Python (MicroPython's protocol), mounted at /sd by the scripts that use it.
RAMDEV = textwrap.dedent("""
    import os
    class RAMDev:
        def __init__(self, blocks):
            self.data = bytearray(blocks * 512)
        def readblocks(self, n, buf):
            buf[:] = self.data[n * 512:n * 512 + len(buf)]
        def writeblocks(self, n, buf):
            self.data[n * 512:n * 512 + len(buf)] = buf
        def ioctl(self, op, arg):
            if op == 4:
                return len(self.data) // 512
            if op == 5:
                return 512
            return 0
    def errno_of(f, *a):
        try:
            f(*a)
        except OSError as e:
            return e.args[0]
        return None
""")


def run(wipy, code, flash=None, tmp_path=None, heap="4m", args=(), check=True):
    """Runs code as a script file (in tmp_path) and returns stdout; asserts a clean exit."""
    script = tmp_path / "script.py"
    script.write_text(RAMDEV + textwrap.dedent(code))
    cmd = [wipy]
    if flash is not None:
        cmd += ["--flash", str(flash)]
    cmd += ["-X", "heapsize=" + heap, str(script)] + list(args)
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if check:
        assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout if check else p


def fsck_clean(img):
    p = subprocess.run(["fsck.fat", "-n", str(img)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "differences" not in p.stdout.lower() and "free cluster summary" not in p.stdout.lower(), p.stdout


def mcopy_out(img, name, dest):
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    subprocess.run(["mcopy", "-n", "-i", str(img), "::" + name, str(dest)], check=True, env=env)
    return dest.read_bytes()


def mdir_names(img, d="/"):
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    p = subprocess.run(["mdir", "-b", "-i", str(img), "::" + d], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    return sorted(line.strip().rstrip("/").split("/")[-1] for line in p.stdout.splitlines() if line.strip())


@pytest.fixture
def img(tmp_path):
    return tmp_path / "flash.img"


# ---- /flash: first boot, listing, the image ----

def test_first_boot_files(wipy, img, tmp_path):
    out = run(wipy, """
        print(os.listdir('/flash'))
        print(open('/flash/main.py', 'rb').read())
        print(open('/flash/boot.py', 'rb').read())
        print(os.listdir('/flash/lib'), os.listdir('/flash/sys'), os.listdir('/flash/cert'))
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "['main.py', 'sys', 'lib', 'cert', 'boot.py']"
    assert lines[1] == repr(MAIN_PY)
    assert lines[2] == repr(BOOT_PY)
    assert lines[3] == "[] [] []"
    assert img.stat().st_size == 192 * 1024
    fsck_clean(img)
    assert mcopy_out(img, "main.py", tmp_path / "m") == MAIN_PY
    assert mcopy_out(img, "boot.py", tmp_path / "b") == BOOT_PY


def test_missing_first_boot_files_recreated(wipy, img, tmp_path):
    run(wipy, "os.remove('/flash/main.py'); os.rmdir('/flash/cert')", img, tmp_path)
    out = run(wipy, "print(os.listdir('/flash')); print(open('/flash/main.py').read())", img, tmp_path)
    assert out.splitlines()[0] == "['main.py', 'sys', 'lib', 'cert', 'boot.py']"  # the freed slots again
    assert out.splitlines()[1] == "# main.py -- put your code here!"


def test_virtual_root(wipy, img, tmp_path):
    out = run(wipy, """
        os.chdir('/flash')
        print(os.listdir('..'), os.listdir('../../..'))
        d = RAMDev(256)
        os.mkfs(d)
        os.mount(d, '/sd')
        print(os.listdir('..'))
        print(os.stat('..')[0] == 0x4000)
        os.chdir('../../../sd')
        print(os.getcwd())
        os.umount('/sd')   # the cwd was on it: back at the virtual root
        print(os.getcwd(), os.listdir(), 'tmp' in os.listdir('/'))
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "['flash'] ['flash']"
    assert lines[1] == "['flash', 'sd']"
    assert lines[2] == "True"
    assert lines[3] == "/sd"
    assert lines[4] == "/ ['flash'] True"  # an absolute "/" in script mode is the host's


def test_roundtrip_and_mtools(wipy, img, tmp_path):
    data = bytes(range(256)) * 40 + b"tail"
    (tmp_path / "src.bin").write_bytes(data)
    run(wipy, """
        import sys
        src = open(sys.argv[1], 'rb').read()
        os.mkdir('/flash/data')
        os.mkdir('/flash/data/deep')
        with open('/flash/data/deep/blob.bin', 'wb') as f:
            f.write(src)
        with open('/flash/Long File Name.txt', 'w') as f:
            f.write('line one\\nline two\\n')
        os.rename('/flash/Long File Name.txt', '/flash/data/moved.txt')
    """, img, tmp_path, args=[str(tmp_path / "src.bin")])
    fsck_clean(img)
    assert mcopy_out(img, "data/deep/blob.bin", tmp_path / "o1") == data
    assert mcopy_out(img, "data/moved.txt", tmp_path / "o2") == b"line one\nline two\n"
    assert mdir_names(img, "/data") == ["deep", "moved.txt"]
    # the other way: mcopy writes, Python reads
    (tmp_path / "in.txt").write_bytes(b"from mtools\r\n" * 50)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    subprocess.run(["mcopy", "-i", str(img), str(tmp_path / "in.txt"), "::lib/mt.txt"], check=True, env=env)
    out = run(wipy, """
        print(open('/flash/lib/mt.txt', 'rb').read() == b'from mtools\\r\\n' * 50)
        print(os.stat('/flash/data/deep/blob.bin')[6])
    """, img, tmp_path)
    assert out.split() == ["True", str(len(data))]


def test_read_back_after_remount_and_files_left_open(wipy, img, tmp_path):
    run(wipy, """
        f = open('/flash/open.txt', 'w')
        f.write('never closed')
        g = open('/flash/lib/mod1.py', 'w')
        g.write('X = 42\\n')
        g.close()
    """, img, tmp_path)
    fsck_clean(img)
    out = run(wipy, """
        print(open('/flash/open.txt').read())
        import mod1
        print(mod1.X)
    """, img, tmp_path)
    assert out.split() == ["never", "closed", "42"]


def test_run_script_from_flash(wipy, img, tmp_path):
    run(wipy, "with open('/flash/hello.py', 'w') as f: f.write('print(\"hi from flash\")\\n')", img, tmp_path)
    p = subprocess.run([wipy, "--flash", str(img), "/flash/hello.py"], capture_output=True, text=True, timeout=30)
    assert p.returncode == 0 and p.stdout == "hi from flash\n", p.stderr


# ---- the os functions ----

def test_uname_urandom_sep_dupterm(wipy, img, tmp_path):
    out = run(wipy, """
        u = os.uname()
        print(u.sysname, u.nodename, u.release, u.machine == 'WiPy with CC3200')
        print(u.version.startswith(u.release + ' on '), len(u.version.split(' on ')[1]), u[0])
        r = os.urandom(32)
        print(type(r) is bytes, len(r), os.urandom(32) != r, len(os.urandom(0)))
        print(os.sep)
        print(os.dupterm())
        class S:
            def write(self, b): pass
        s = S()
        print(os.dupterm(s), os.dupterm() is s, os.dupterm(None) is s, os.dupterm())
        import uos
        print(uos is os)
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "WiPy WiPy 1.8.6 True"
    assert lines[1] == "True 10 WiPy"
    assert lines[2] == "True 32 True 0"
    assert lines[3] == "/"
    assert lines[4] == "None"
    assert lines[5] == "None True True None"
    assert lines[6] == "True"


def test_stat_statvfs_ilistdir(wipy, img, tmp_path):
    out = run(wipy, """
        import time
        with open('/flash/s.bin', 'wb') as f:
            f.write(b'x' * 1000)
        st = os.stat('/flash/s.bin')
        print(len(st), hex(st[0]), st[6], abs(st[8] - time.time()) <= 4, st[7] == st[8] == st[9])
        print(hex(os.stat('/flash/lib')[0]), hex(os.stat('/flash')[0]))
        v = os.statvfs('/flash')
        print(len(v), v[0], v[1], v[2], v[3] == v[4], v[3] < 349, v[9])
        print(sorted(os.ilistdir('/flash')))
        os.chdir('/flash')
        print(sorted(t[0] for t in os.ilistdir()))
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "10 0x8000 1000 True True"
    assert lines[1] == "0x4000 0x4000"
    assert lines[2] == "10 512 512 349 True True 255"
    assert lines[3] == ("[('boot.py', 32768, 0, 142), ('cert', 16384, 0, 0), ('lib', 16384, 0, 0), "
                        "('main.py', 32768, 0, 34), ('s.bin', 32768, 0, 1000), ('sys', 16384, 0, 0)]")
    assert lines[4] == "['boot.py', 'cert', 'lib', 'main.py', 's.bin', 'sys']"


def test_names_and_errors(wipy, img, tmp_path):
    out = run(wipy, """
        E = errno_of
        os.mkdir('/flash/d')
        open('/flash/d/f', 'w').close()
        print('ENOENT', E(open, '/flash/nope'), E(os.stat, '/flash/nope'), E(os.remove, '/flash/nope'),
              E(os.listdir, '/flash/nope'), E(os.rmdir, '/flash/nope'), E(os.chdir, '/flash/nope'),
              E(os.rename, '/flash/nope', '/flash/x'), E(open, '/flash/nodir/f', 'w'))
        print('EEXIST', E(os.mkdir, '/flash/d'), E(open, '/flash/d/f', 'x'), E(os.mkdir, '/flash'),
              E(os.rename, '/flash/main.py', '/flash/boot.py'))
        print('ENOTEMPTY', E(os.rmdir, '/flash/d'))
        print('EISDIR', E(open, '/flash/d'), E(open, '/flash/d', 'w'), E(os.remove, '/flash/d'))
        print('ENOTDIR', E(os.chdir, '/flash/main.py'), E(os.rmdir, '/flash/main.py'))
        print('ENAMETOOLONG', E(os.stat, '/flash/' + 'a' * 130), E(open, '/flash/' + 'b' * 125, 'w'))
        print('ok at 128', E(open, '/flash/' + 'c' * 121, 'w'))
        print('empty', E(os.stat, ''), E(open, ''), E(os.listdir, ''), E(os.mkdir, ''), E(os.remove, ''))
        print('root', os.stat('/flash/../../../flash/main.py')[6], E(os.unmount, '/flash'),
              E(os.umount, '/flash/'), E(os.unmount, '/nothere'))
        for f, a in ((os.listdir, (5,)), (os.stat, (None,)), (os.mkdir, (b'x',)), (os.remove, (1,)),
                     (os.rename, ('/flash/main.py', 3)), (open, ([],)), (os.chdir, (0,))):
            try:
                f(*a)
                print('no error', f)
            except TypeError:
                pass
        os.remove('/flash/d/f')
        os.rmdir('/flash/d')
        os.unlink('/flash/' + 'c' * 121)
        print(os.listdir('/flash'))
        print(os.stat('/flash/main.py')[6])
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "ENOENT 2 2 2 2 2 2 2 2"
    assert lines[1] == "EEXIST 17 17 17 17"
    assert lines[2] == "ENOTEMPTY 39"
    assert lines[3] == "EISDIR 21 21 21"
    assert lines[4] == "ENOTDIR 20 20"
    assert lines[5] == "ENAMETOOLONG 36 36"
    assert lines[6] == "ok at 128 None"
    assert lines[7] == "empty 2 2 2 2 2"
    assert lines[8] == "root 34 1 1 19"
    assert lines[9] == "['main.py', 'sys', 'lib', 'cert', 'boot.py']"
    fsck_clean(img)


def test_error_messages(wipy, img, tmp_path):
    p = run(wipy, "open('/flash/missing')", img, tmp_path, check=False)
    assert p.returncode == 1
    assert p.stderr.strip().endswith("OSError: [Errno 2] ENOENT"), p.stderr
    p = run(wipy, "os.unmount('/flash')", img, tmp_path, check=False)
    assert p.stderr.strip().endswith("OSError: [Errno 1] EPERM"), p.stderr


def test_rename_and_dirs(wipy, img, tmp_path):
    out = run(wipy, """
        os.mkdir('/flash/a')
        os.mkdir('/flash/a/b')
        os.mkdir('/flash/c')
        with open('/flash/a/b/f.txt', 'w') as f:
            f.write('payload')
        os.rename('/flash/a/b/f.txt', '/flash/c/g.txt')
        print(os.listdir('/flash/a/b'), os.listdir('/flash/c'), open('/flash/c/g.txt').read())
        os.rename('/flash/a/b', '/flash/c/b2')
        print(os.listdir('/flash/a'), sorted(os.listdir('/flash/c')))
        os.chdir('/flash/c')
        os.rename('g.txt', 'b2/h.txt')
        print(os.listdir('b2'), os.getcwd())
        os.chdir('b2')
        print(open('h.txt').read(), os.getcwd())
        os.chdir('..')
        print(os.getcwd())
    """, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "[] ['g.txt'] payload"
    assert lines[1] == "[] ['b2', 'g.txt']"
    assert lines[2] == "['h.txt'] /flash/c"
    assert lines[3] == "payload /flash/c/b2"
    assert lines[4] == "/flash/c"
    fsck_clean(img)


def test_mkfs_flash(wipy, img, tmp_path):
    out = run(wipy, """
        with open('/flash/junk', 'w') as f:
            f.write('x')
        os.mkfs('/flash')
        print(os.listdir('/flash'), os.statvfs('/flash')[3])
        print(errno_of(os.mkfs, '/sd'), errno_of(os.mkfs, '/other'))
    """, img, tmp_path)
    assert out.splitlines() == ["[] 349", "19 22"]
    fsck_clean(img)


# ---- a Python block device at /sd ----

def test_sd_python_device(wipy, img, tmp_path):
    out = run(wipy, """
        d = RAMDev(512)
        print(errno_of(os.mount, d, '/sd'))   # no FAT yet
        os.mkfs(d)
        os.mount(d, '/sd')
        print(errno_of(os.mount, d, '/sd'), errno_of(os.mount, RAMDev(64), '/sd'))
        os.chdir('/sd')
        print(os.listdir('/sd'), os.listdir('..'))
        os.chdir('/flash')
        os.mkdir('/sd/dir')
        with open('/sd/dir/file.txt', 'w') as f:
            print('hello', 'sd', file=f)
            f.write('second\\n')
        print(open('/sd/dir/file.txt').read().split())
        print(errno_of(os.rename, '/sd/dir/file.txt', '/flash/file.txt'))
        v = os.statvfs('/sd')
        print(v[0], v[2] > 400, v[8])
        os.umount('/sd')
        print(errno_of(os.listdir, '/sd'), errno_of(os.umount, '/sd'))
        os.mount(d, '/sd', readonly=True)
        print(open('/sd/dir/file.txt').readlines())
        print(os.statvfs('/sd')[8])
        print('EROFS', errno_of(open, '/sd/new', 'w'), errno_of(open, '/sd/dir/file.txt', 'a'),
              errno_of(os.mkdir, '/sd/d2'), errno_of(os.remove, '/sd/dir/file.txt'),
              errno_of(os.rename, '/sd/dir', '/sd/dir2'), errno_of(os.rmdir, '/sd/dir'))
        os.unmount('/sd')
        os.mount(d, '/sd')
        with open('/sd/after.txt', 'w') as f:
            f.write('rw again')
        os.umount('/sd')
        import sys
        img = open(sys.argv[1], 'wb')
        img.write(d.data)
        img.close()
    """, img, tmp_path, args=[str(tmp_path / "sd.img")])
    lines = out.splitlines()
    assert lines[0] == "19"
    assert lines[1] == "1 1"
    assert lines[2] == "[] ['flash', 'sd']"
    assert lines[3] == "['hello', 'sd', 'second']"
    assert lines[4] == "18"
    assert lines[5].startswith("512 True 0")
    assert lines[6] == "2 19"
    assert lines[7] == "['hello sd\\n', 'second\\n']"
    assert lines[8] == "1"
    assert lines[9] == "EROFS 30 30 30 30 30 30"
    sd = tmp_path / "sd.img"
    fsck_clean(sd)
    assert mcopy_out(sd, "dir/file.txt", tmp_path / "o") == b"hello sd\nsecond\n"
    assert mcopy_out(sd, "after.txt", tmp_path / "o2") == b"rw again"


def test_sd_device_errors_and_open_at_exit(wipy, img, tmp_path):
    mirror = tmp_path / "mirror.img"
    mirror.write_bytes(bytes(256 * 512))
    out = run(wipy, """
        import sys
        class Bad(RAMDev):
            def readblocks(self, n, buf):
                raise ValueError('broken')
        # what a device raises comes out as it is (as MicroPython's block devices do)
        try:
            os.mount(Bad(256), '/sd')
        except ValueError as e:
            print('ValueError:' + str(e))
        print(errno_of(os.mount, RAMDev(256), '/sd'))
        try:
            os.mount(object(), '/sd')
        except AttributeError:
            print('AttributeError')
        class Mirror(RAMDev):
            # every write also goes to a host image, so what happens at exit can be checked
            def writeblocks(self, n, buf):
                RAMDev.writeblocks(self, n, buf)
                with open(sys.argv[1], 'r+b') as h:
                    h.seek(n * 512)
                    h.write(buf)
        d = Mirror(256)
        os.mkfs(d)
        os.mount(d, '/sd')
        d.readblocks = lambda n, buf: 1 // 0
        for f, a in ((os.listdir, ('/sd/nodir',)), (open, ('/sd/x', 'w'))):
            try:
                f(*a)
            except ZeroDivisionError:
                print('ZeroDivisionError')
        d.readblocks = lambda n, buf: -5  # a negative status: OSError(EIO)
        print(errno_of(os.listdir, '/sd/nodir'))
        del d.readblocks
        print(os.listdir('/sd'))
        f = open('/sd/left_open.txt', 'w')
        f.write('written, never closed')
        g = open('/flash/also_open.txt', 'w')
        g.write('on flash')
        print('end')
    """, img, tmp_path, args=[str(mirror)])
    assert out.split() == ["ValueError:broken", "19", "AttributeError", "ZeroDivisionError", "ZeroDivisionError",
                           "5", "[]", "end"]
    # the exit closed the files (through the Python device) and unmounted /sd cleanly
    fsck_clean(mirror)
    assert mcopy_out(mirror, "left_open.txt", tmp_path / "o") == b"written, never closed"
    fsck_clean(img)
    assert mcopy_out(img, "also_open.txt", tmp_path / "o2") == b"on flash"


def test_enospc_keeps_volume_consistent(wipy, img, tmp_path):
    out = run(wipy, """
        chunk = b'0123456789abcdef' * 64
        f = open('/flash/big.bin', 'wb')
        n = 0
        err = None
        while True:
            try:
                f.write(chunk)
                n += len(chunk)
            except OSError as e:
                err = e.args[0]
                break
        f.close()
        size = os.stat('/flash/big.bin')[6]
        print(err, size >= n, size < n + len(chunk), os.statvfs('/flash')[3])
        data = open('/flash/big.bin', 'rb').read()
        print(len(data) == size, data == (chunk * (size // len(chunk) + 1))[:size])
        print(open('/flash/main.py', 'rb').read() == %r)
        print(errno_of(os.mkdir, '/flash/newdir'))
        os.remove('/flash/big.bin')
        with open('/flash/small.txt', 'w') as f:
            f.write('fits again')
        print(open('/flash/small.txt').read())
    """ % MAIN_PY, img, tmp_path)
    lines = out.splitlines()
    assert lines[0] == "28 True True 0"
    assert lines[1] == "True True"
    assert lines[2] == "True"
    assert lines[3] == "28"
    assert lines[4] == "fits again"
    fsck_clean(img)
    assert mcopy_out(img, "boot.py", tmp_path / "b") == BOOT_PY
    assert mcopy_out(img, "small.txt", tmp_path / "s") == b"fits again"


# ---- file objects ----

def test_file_methods(wipy, img, tmp_path):
    out = run(wipy, """
        p = '/flash/f.txt'
        with open(p, 'w') as f:
            print(f.write('abc\\ndef\\n'), f.write('ghi'), f.tell())
        print(open(p).read(), end='|\\n')
        f = open(p)
        print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
        f.seek(0)
        print(f.readlines(), f.tell())
        print(f.seek(4), f.read(3), f.seek(-2, 2), f.read(), f.seek(-1, 1), f.read())
        f.close()
        f.close()
        try:
            f.read()
        except OSError as e:
            print('OSError', e)
        print([l for l in open(p)])
        with open(p, 'a') as f:
            f.write('\\nappended')
            print(f.tell())
        print(open(p).read().split())
        print(errno_of(open, p, 'x'))
        with open('/flash/new.txt', 'x') as f:
            f.write('new')
        with open(p, 'r+') as f:
            f.write('ABC')
            f.seek(0)
            print(f.read(5))
        with open(p, 'w+') as f:
            f.write('truncated')
            f.seek(0)
            print(f.read())
        with open('/flash/b.bin', 'wb') as f:
            print(f.write(b'\\x00\\x01\\x02' * 100), f.write(bytearray(b'xyz')))
            try:
                f.write('text')
            except TypeError:
                print('TypeError')
        with open('/flash/b.bin', 'rb') as f:
            buf = bytearray(10)
            print(f.readinto(buf), buf[:4], f.readinto(buf, 2), f.tell())
            print(type(f.read(1)), f.seek(0, 2))
            print(f.readinto(buf))
        with open('/flash/b.bin', 'ab+') as f:
            f.write(b'END')
            f.seek(0)
            print(len(f.read()))
        with open(p) as f:
            try:
                f.write(5)
            except TypeError:
                print('TypeError')
        try:
            open(p, 'rw')
        except ValueError:
            print('ValueError mode')
        f = open(p, 'w')
        f.write('flushed')
        f.flush()
        print(open(p).read())
        f.close()
        print(repr(open('/flash/new.txt', 'rt').read()), repr(open('/flash/new.txt', 'br').read()))
    """, img, tmp_path)
    expect = [
        "8 3 11",
        "abc",
        "def",
        "ghi|",
        "'abc\\n' 'de' 'f\\n' 'ghi' ''",
        "['abc\\n', 'def\\n', 'ghi'] 11",
        "4 def 9 hi 10 i",
        "OSError [Errno 22] EINVAL",
        "['abc\\n', 'def\\n', 'ghi']",
        "20",
        "['abc', 'def', 'ghi', 'appended']",
        "17",
        "ABC",
        "d",
        "truncated",
        "300 3",
        "TypeError",
        "10 bytearray(b'\\x00\\x01\\x02\\x00') 2 12",
        "<class 'bytes'> 303",
        "0",
        "306",
        "TypeError",
        "ValueError mode",
        "flushed",
        "'new' b'new'",
    ]
    assert out.splitlines() == expect
    fsck_clean(img)


def test_cwd_in_vfs_relative_paths(wipy, img, tmp_path):
    out = run(wipy, """
        import sys
        host = os.getcwd()
        os.chdir('/flash/lib')
        with open('rel.txt', 'w') as f:
            f.write('relative')
        print(os.getcwd(), os.listdir(), open('/flash/lib/rel.txt').read())
        os.mkdir('sub')
        os.chdir('sub')
        print(os.getcwd(), os.stat('../rel.txt')[6])
        os.chdir(sys.argv[1])
        print(os.getcwd() == sys.argv[1], 'script.py' in os.listdir())
        print(open('script.py').read(10) == open(sys.argv[1] + '/script.py').read(10))
    """, img, tmp_path, args=[str(tmp_path)])
    lines = out.splitlines()
    assert lines[0] == "/flash/lib ['rel.txt'] relative"
    assert lines[1] == "/flash/lib/sub 8"
    assert lines[2] == "True True"
    assert lines[3] == "True"


# ---- the host file system stays visible ----

@pytest.mark.parametrize("with_flash", [False, True])
def test_host_files_still_work(wipy, img, tmp_path, with_flash):
    d = tmp_path / "hostdir"
    d.mkdir()
    (d / "a.txt").write_text("host file\n")
    (d / "sub").mkdir()
    out = run(wipy, """
        import sys
        d = sys.argv[1]
        print(sorted(os.listdir(d)))
        print(open(d + '/a.txt').read(), end='')
        with open(d + '/b.txt', 'w') as f:
            f.write('written by wipy')
        os.mkdir(d + '/new')
        os.rename(d + '/b.txt', d + '/new/c.txt')
        print(os.stat(d + '/new/c.txt')[6], hex(os.stat(d + '/sub')[0]))
        print(sorted(t[0] for t in os.ilistdir(d)), errno_of(os.stat, d + '/none'))
        os.chdir(d)
        print(os.getcwd() == d, sorted(os.listdir()))
        print(errno_of(os.rename, d + '/a.txt', '/flash/a.txt'))
        os.remove('new/c.txt')
        os.rmdir('new')
        print(sorted(os.listdir('.')))
        print(len(os.statvfs(d)))
    """, img if with_flash else None, tmp_path, args=[str(d)])
    lines = out.splitlines()
    assert lines[0] == "['a.txt', 'sub']"
    assert lines[1] == "host file"
    assert lines[2] == "15 0x4000"
    assert lines[3] == "['a.txt', 'new', 'sub'] 2"
    assert lines[4] == "True ['a.txt', 'new', 'sub']"
    assert lines[5] == ("18" if with_flash else "2")
    assert lines[6] == "['a.txt', 'sub']"
    assert lines[7] == "10"
    assert (d / "a.txt").read_text() == "host file\n"


def test_flash_option_errors(wipy, tmp_path):
    p = subprocess.run([wipy, "--flash"], capture_output=True, text=True, timeout=10)
    assert p.returncode != 0
    p = subprocess.run([wipy, "--flash", str(tmp_path / "no" / "such" / "img"), "-c", "print(1)"],
                       capture_output=True, text=True, timeout=10)
    assert p.returncode == 1 and "can't mount the /flash image" in p.stderr
    p = subprocess.run([wipy, "--flash=" + str(tmp_path / "f.img"), "-c", "import os; print(os.listdir('/flash'))"],
                       capture_output=True, text=True, timeout=10)
    assert p.returncode == 0 and p.stdout == "['main.py', 'sys', 'lib', 'cert', 'boot.py']\n", p.stderr


# ---- board mode: the VFS is the whole file system ----

def test_board_soft_reset_closes_open_files(wipy, tmp_path):
    """Board mode (REPL on stdin): a file left open across a soft reset (Ctrl-D) is closed and its
    data written; "/" is the virtual root and the cwd is /flash again after the reset."""
    import select
    import time
    state = tmp_path / "state"
    p = subprocess.Popen([wipy, "--state", str(state), "--telnet-port", "0"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    got = b""

    def wait_for(marker, timeout=10):
        nonlocal got
        end = time.time() + timeout
        while marker not in got:
            r, _, _ = select.select([p.stdout], [], [], max(0.0, end - time.time()))
            if not r:
                raise AssertionError("timeout waiting for %r in %r" % (marker, got))
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                raise AssertionError("board exited: %r" % got)
            got += chunk

    try:
        wait_for(b">>> ")
        p.stdin.write(b"import os; os.chdir('lib'); f = open('left.txt', 'w'); n = f.write('kept')\r")
        p.stdin.flush()
        wait_for(b">>> ", 5)
        got = b""
        p.stdin.write(b"print(os.getcwd())\r")
        p.stdin.flush()
        wait_for(b"/flash/lib\r\n")
        got = b""
        p.stdin.write(b"\x04")
        p.stdin.flush()
        wait_for(b"soft reboot")
        wait_for(b"for more information.\r\n>>> ")  # the new banner's prompt, not the old one
        got = b""
        p.stdin.write(b"print(open('/flash/lib/left.txt').read(), os.getcwd(), os.listdir('/'), os.listdir('..'))\r")
        p.stdin.flush()
        wait_for(b"\r\n>>> ")
        assert b"kept /flash ['flash'] ['flash']" in got, got
    finally:
        p.kill()
        p.wait()
    fsck_clean(state / "flash.img")
    assert mcopy_out(state / "flash.img", "lib/left.txt", tmp_path / "o") == b"kept"
