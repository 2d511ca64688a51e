"""Harness of the SD suite (issue 10 item 8): the fixtures of tests/hw (boards on temporary state
directories, raw-REPL sessions over telnet), loaded under another name, plus SD card images made
by Debian's mkfs.fat and read back with mtools and fsck.fat."""
import importlib.util
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("hw_harness", os.path.join(ROOT, "tests", "hw", "conftest.py"))
hw = importlib.util.module_from_spec(_spec)
sys.modules["hw_harness"] = hw
_spec.loader.exec_module(hw)
sys.path.insert(0, os.path.join(ROOT, "tools"))

make_board = hw.make_board
make_session = hw.make_session
RIG = hw.RIG
T = hw.T
harness = hw.harness
CONTROL_LINE = re.compile(rb"Control on ([0-9.]+):(\d+)\r*\n")
MTOOLS_ENV = dict(os.environ, MTOOLS_SKIP_CHECK="1")


def mkfs_image(path, kib=8192, fat=None):
    """An SD card image made by mkfs.fat (FAT16 on 8 MiB unless fat says otherwise)."""
    args = ["mkfs.fat", "-C", str(path), str(kib)]
    if fat:
        args[1:1] = ["-F", str(fat)]
    subprocess.run(args, check=True, capture_output=True)
    return str(path)


def fsck_clean(path):
    p = subprocess.run(["fsck.fat", "-n", str(path)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


def mdir(path, folder="::"):
    """Names in a folder of the image, by mtools' mdir -b (bare: one path a line)."""
    p = subprocess.run(["mdir", "-b", "-i", str(path), folder], capture_output=True, text=True, env=MTOOLS_ENV)
    assert p.returncode == 0, p.stderr
    return sorted(line.rstrip("/").rsplit("/", 1)[-1] for line in p.stdout.split("\n") if line.strip())


def mread(path, name):
    """A file's bytes from the image, by mcopy."""
    p = subprocess.run(["mcopy", "-n", "-i", str(path), "::" + name, "-"], capture_output=True, env=MTOOLS_ENV)
    assert p.returncode == 0, p.stderr
    return p.stdout


def mput(path, name, data, tmp):
    src = os.path.join(str(tmp), "mput.bin")
    with open(src, "wb") as f:
        f.write(data)
    p = subprocess.run(["mcopy", "-i", str(path), src, "::" + name], capture_output=True, env=MTOOLS_ENV)
    assert p.returncode == 0, p.stderr


def control_of(session):
    """The control client of a session whose board was started with --control 127.0.0.1:0."""
    from wipyctl import Control
    b = session.board
    m = CONTROL_LINE.search(bytes(b.term.buf)) or b.term.read_regex(CONTROL_LINE)
    return Control(int(m.group(2)), timeout=T)
