"""--ota-key (issue 11, beyond the board): bound beyond loopback, the board takes an OTA image only
with an ECDSA P-256 signature for the key (made by scripts/mkimage.sh with the private key); others
are refused with one line (451), and without --ota-key every image is. On loopback the WiPy's
MD5-only behaviour stays (test_ota.py). The non-loopback address lives in a private network
namespace (unshare -n), so nothing is exposed beyond this machine."""
import os
import subprocess

import pytest

from conftest import ROOT, T
from test_image import other_version_image
from test_ota import NEW, netns_ok

HELPER = r'''
import ftplib, io, os, subprocess, sys
sys.path.insert(0, %(tests)r)
import harness
from harness import Board, friendly_exec
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
subprocess.run(["ip", "addr", "add", "10.99.0.1/32", "dev", "lo"], check=True)
ADDR = "10.99.0.1"

def upload(b, data):
    f = ftplib.FTP()
    f.connect(ADDR, b.ftp_port, timeout=10)
    f.login("micro", "python")
    try:
        return f.storbinary("STOR /flash/sys/mcuimg.bin", io.BytesIO(data))
    except ftplib.Error as e:
        return str(e)
    finally:
        f.close()

signed = open(%(signed)r, "rb").read()
wrong = open(%(wrong)r, "rb").read()
plain = open(%(plain)r, "rb").read()
b = Board(%(state)r + "1", args=["--bind", ADDR, "--ota-key", %(pub)r])
try:
    print("PLAIN", upload(b, plain))
    print("WRONG", upload(b, wrong))
    print("BOOTINFO", open(os.path.join(b.state, "hidden", "bootinfo.bin"), "rb").read().hex())
    print("SIGNED", upload(b, signed))
    print("BOOTINFO", open(os.path.join(b.state, "hidden", "bootinfo.bin"), "rb").read().hex())
    t = b.telnet(login=False, host=ADDR)
    t.repl()
    t.send(b"import machine; machine.reset()\r")
    t.read_all()
    b.wait_telnet_line()
    t = b.telnet(login=False, host=ADDR)
    t.repl()
    print("RELEASE", friendly_exec(t, b"import os; print(os.uname().release)").decode().strip())
finally:
    b.kill()
b = Board(%(state)r + "2", args=["--bind", ADDR])
try:
    print("NOKEY", upload(b, signed))
finally:
    b.kill()
r = subprocess.run([harness.wipy_path(), "--state", %(state)r + "3", "--bind", ADDR, "--telnet-port", "0",
                    "--ftp-port", "0", "--ota-key", %(plain)r], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                   timeout=10)
print("BADKEY", r.returncode, r.stderr.decode().strip())
'''


def test_ota_key_beyond_loopback(tmp_path):
    why = netns_ok()
    if why:
        pytest.skip("a non-loopback address needs a network namespace: " + why)
    d = tmp_path
    for name in ("priv", "other"):
        subprocess.run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out",
                        str(d / (name + ".pem"))], check=True, timeout=T)
    subprocess.run(["openssl", "ec", "-in", str(d / "priv.pem"), "-pubout", "-out", str(d / "pub.pem")],
                   check=True, timeout=T, stderr=subprocess.DEVNULL)
    plain = other_version_image(NEW)
    exe = os.path.join(os.path.dirname(plain), "wipy")
    mk = os.path.join(ROOT, "scripts", "mkimage.sh")
    subprocess.run([mk, exe, str(d / "signed.bin"), str(d / "priv.pem")], check=True, timeout=60)
    subprocess.run([mk, exe, str(d / "wrong.bin"), str(d / "other.pem")], check=True, timeout=60)
    helper = d / "helper.py"
    helper.write_text(HELPER % {"tests": os.path.join(ROOT, "tests"), "state": str(d / "st"),
                                "signed": str(d / "signed.bin"), "wrong": str(d / "wrong.bin"), "plain": plain,
                                "pub": str(d / "pub.pem")})
    r = subprocess.run(["unshare", "-n", "/usr/bin/python3", str(helper)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=240, cwd=str(d))
    out = r.stdout.decode()
    assert r.returncode == 0, out
    assert "PLAIN 451 OTA image refused: it carries no signature." in out, out
    assert "WRONG 451 OTA image refused: its signature does not match the --ota-key key." in out, out
    assert "BOOTINFO 00010000\n" in out, out
    assert "SIGNED 226 Transfer complete." in out and "BOOTINFO 01000000" in out, out
    assert "RELEASE %s" % NEW in out, out
    assert ("NOKEY 451 OTA image refused: the board listens beyond loopback and has no --ota-key to check "
            "images with.") in out, out
    assert "BADKEY 2 wipy: --ota-key: can't read a public key (PEM or DER) from '%s'" % plain in out, out
