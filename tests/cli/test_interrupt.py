"""Ctrl-C (SIGINT) reaches Python code that C calls back (an iterator driven by sum(), a key
function of sorted()), not only loops of the main program."""
import signal
import subprocess
import time

import pytest


@pytest.mark.parametrize("code", [
    "class C:\n    def __iter__(self): return self\n    def __next__(self): return 1\nsum(C())\n",
    "def f(): return 1\nwhile True:\n    sorted(range(5), key=lambda x: f())\n",
    "while True:\n    pass\n",
])
def test_sigint_interrupts_callbacks(wipy, code):
    p = subprocess.Popen([wipy, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=5)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 1
    assert err.decode().rstrip().endswith("KeyboardInterrupt:")
