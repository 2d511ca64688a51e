"""Script mode buffers stdout when it is a pipe or a file, but sys.stdout.flush() sends what is held,
and so does a sleep: a program that then runs or sleeps on (and is killed) has its output out."""
import subprocess

import pytest

from test_cli import wait_for_line


@pytest.mark.parametrize("code", [
    "import sys\nprint('early')\nsys.stdout.flush()\nwhile True:\n    pass\n",
    "import sys\nsys.stdout.write('early\\n')\nsys.stdout.flush()\nwhile True:\n    pass\n",
    "import time\nprint('early')\ntime.sleep(100)\n",
    "import time\nprint('early')\ntime.sleep_ms(100000)\n",
])
def test_output_is_out_before_the_program_ends(wipy, code):
    p = subprocess.Popen([wipy, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert wait_for_line(p.stdout, b"early\n") == b""
        assert p.poll() is None  # it got out while the program still runs
    finally:
        p.kill()
        p.communicate(timeout=10)


def test_flush_keeps_order_with_stderr(wipy):
    code = ("import sys\nprint('a', end='')\nsys.stdout.flush()\nprint('b', file=sys.stderr)\n"
            "print('c')\nsys.stderr.flush()\n")
    p = subprocess.run([wipy, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=10)
    assert (p.returncode, p.stdout) == (0, b"ab\nc\n")
