"""Harness of the SD suite (issue 10 item 8): the shared board harness (tests/harness.py: boards on
temporary state directories, raw-REPL sessions over telnet), plus SD card images made by Debian's
mkfs.fat and read back with mtools and fsck.fat."""
import os
import subprocess

from harness import RIG, ROOT, T, make_board, make_session  # noqa: F401

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
    return session.board.control_client()
