"""Ctrl-C (SIGINT) reaches Python code that C calls back (an iterator driven by sum(), a key
function of sorted()), not only loops of the main program."""
import signal
import subprocess

import pytest

from test_cli import wait_for_line

GO = "import sys\nprint('go', file=sys.stderr)\n"  # the program is past start-up


@pytest.mark.parametrize("code", [
    "class C:\n    def __iter__(self): return self\n    def __next__(self): return 1\nsum(C())\n",
    "def f(): return 1\nwhile True:\n    sorted(range(5), key=lambda x: f())\n",
    "while True:\n    pass\n",
])
def test_sigint_interrupts_callbacks(wipy, code):
    p = subprocess.Popen([wipy, "-c", GO + code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_line(p.stderr, b"go\n")
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=5)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 1
    assert err.decode().rstrip().endswith("KeyboardInterrupt:")
