"""MicroPython's tools/pyboard.py, unmodified, over telnet (issue 14): it logs in, enters the raw
REPL through a soft reset and sends each program in raw-paste mode with flow control. pyboard.py
talks to port 23 of its address only, so the board runs on it in a network namespace of its own.
A program larger than the heap is refused with one MemoryError line, early (raw-paste's abrupt end),
and the board stays alive."""
import os
import shutil
import subprocess

import pytest

from conftest import ROOT, T



def netns_ok():
    """None if a private network namespace with loopback can be made here, else why not."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare/ip (util-linux, iproute2) are not installed"
    r = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=T)
    return None if r.returncode == 0 else "no private network namespace (%s)" % r.stdout.decode().strip()

PYBOARD = os.path.join(os.environ.get("MICROPYTHON_DIR", "/work/mp"), "tools", "pyboard.py")

HELPER = r'''
import os, subprocess, sys
sys.path.insert(0, %(tests)r)
from harness import Board, friendly_exec
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
b = Board(%(state)r, port=23)
def pyboard(*args):
    r = subprocess.run([sys.executable, %(tool)r, "-d", "127.0.0.1"] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=120)
    print("STATUS", r.returncode)
    sys.stdout.write(r.stdout.decode())
    print("END")
try:
    pyboard("-c", "print(6 * 7)")
    pyboard(%(mid)r)
    pyboard(%(big)r)
    pyboard("-c", "import os; print(os.uname().sysname)")
    print("ALIVE", b.alive())
finally:
    b.kill()
'''


def test_pyboard_py_unmodified_over_telnet(tmp_path):
    if not os.path.exists(PYBOARD):
        pytest.skip("MicroPython's pyboard.py is not at " + PYBOARD)
    why = netns_ok()
    if why:
        pytest.skip("pyboard.py needs port 23: " + why)
    # ~20 KB: many raw-paste windows; it prints a sum the program could only get by running whole
    mid = tmp_path / "mid.py"
    mid.write_text("t = 0\n" + "".join("t += %d\n" % i for i in range(2000)) + "print('sum', t)\n")
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * 40000)  # 240,000 bytes: more than the heap
    helper = tmp_path / "helper.py"
    helper.write_text(HELPER % {"tests": os.path.join(ROOT, "tests"), "state": str(tmp_path / "st"),
                                "tool": PYBOARD, "mid": str(mid), "big": str(big)})
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    r = subprocess.run(["unshare", "-n", "/usr/bin/python3", str(helper)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=30 * T, cwd=str(tmp_path), env=env)
    out = r.stdout.decode().replace("\r\n", "\n")
    assert r.returncode == 0, out
    runs = out.split("END\n")
    assert runs[0].endswith("STATUS 0\n42\n"), out
    assert runs[1].endswith("STATUS 0\nsum %d\n" % sum(range(2000))), out
    # pyboard.py prints the board's error and exits 1
    assert runs[2].startswith("\nSTATUS 1\n") or runs[2].startswith("STATUS 1\n"), out
    assert "MemoryError: program does not fit in the heap (stopped after " in runs[2], out
    assert runs[3].endswith("STATUS 0\nWiPy\n"), out
    assert runs[4].strip() == "ALIVE True", out
