"""Firmware images (spec §12): `make` writes mcuimg.bin = the executable + the 32 lowercase hex
digits of its MD5; `make VERSION=x.y.z` (here the side target build/v/x.y.z/mcuimg.bin, which leaves
build/wipy alone) sets what os.uname().release and the banner report."""
import functools
import hashlib
import os
import subprocess

from conftest import ROOT, T, wipy_path


def build_dir():
    return os.path.dirname(wipy_path())


@functools.lru_cache(maxsize=None)
def other_version_image(version):
    """Links (or finds) the image of another version, once per run; returns its path."""
    b = build_dir()
    rel = os.path.relpath(b, ROOT)
    r = subprocess.run(["make", "--no-print-directory", "BUILD=" + rel, "%s/v/%s/mcuimg.bin" % (rel, version)],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    assert r.returncode == 0, r.stdout.decode()
    return os.path.join(b, "v", version, "mcuimg.bin")


def split_image(path):
    data = open(path, "rb").read()
    return data[:-32], data[-32:]


def test_mcuimg_is_the_executable_and_its_md5():
    body, trailer = split_image(os.path.join(build_dir(), "mcuimg.bin"))
    assert body == open(wipy_path(), "rb").read()
    assert trailer == hashlib.md5(body).hexdigest().encode()


def test_version_is_set_at_build_time(tmp_path):
    img = other_version_image("7.6.5")
    body, trailer = split_image(img)
    assert trailer == hashlib.md5(body).hexdigest().encode()
    exe = os.path.join(os.path.dirname(img), "wipy")
    out = subprocess.run([exe, "-c", "import os; u = os.uname(); print(u.release, u.version.split()[0])"],
                         stdout=subprocess.PIPE, timeout=T).stdout
    assert out == b"7.6.5 7.6.5\n"
    out = subprocess.run([wipy_path(), "-c", "import os; print(os.uname().release)"], stdout=subprocess.PIPE,
                         timeout=T).stdout
    assert out != b"7.6.5\n"


def test_banner_reports_the_version(make_board, tmp_path):
    img = other_version_image("7.6.5")
    b = make_board(wipy=os.path.join(os.path.dirname(img), "wipy"))
    t = b.telnet(login=False)
    assert t.read_until(b"\r\n").startswith(b"MicroPython v7.6.5 on ")
