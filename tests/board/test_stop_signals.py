"""A board stopped from outside writes /flash out first (issue 14): SIGTERM, SIGHUP, SIGINT and
SIGQUIT each end it after the FAT's write-back cache is flushed and the state directory's lock is
given up; the file written just before (over the REPL or FTP) is on the image for mtools, and a
board started again on the same directory runs and reads it back."""
import ftplib
import io
import os
import signal
import subprocess

import pytest

from conftest import PROMPT, T, friendly_exec

SIGNALS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT]


def mtype(state, name):
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    r = subprocess.run(["mtype", "-i", os.path.join(state, "flash.img"), "::/" + name],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=T)
    return r.returncode, r.stdout


def write_over_repl(b, name, data):
    t = b.telnet()
    t.repl_ready()
    assert friendly_exec(t, ("f = open('/flash/%s', 'w'); _ = f.write(%r); f.close()" % (name, data)).encode()) == b""
    t.close()


def write_over_ftp(b, name, data):
    f = ftplib.FTP()
    f.connect("127.0.0.1", b.ftp_port, timeout=T)
    f.login("micro", "python")
    f.storbinary("STOR /flash/" + name, io.BytesIO(data.encode()))
    f.quit()


@pytest.mark.parametrize("via", ["repl", "ftp"])
@pytest.mark.parametrize("sig", SIGNALS, ids=[s.name for s in SIGNALS])
def test_a_signal_writes_flash_out_and_frees_the_state(make_board, tmp_path, sig, via):
    state = tmp_path / "state"
    b = make_board(state)
    name, data = "sig_%s.txt" % via, "%s via %s\n" % (sig.name, via)
    (write_over_repl if via == "repl" else write_over_ftp)(b, name, data)
    os.kill(b.pid, sig)
    assert b.proc.wait(T) == 128 + sig
    said = b.term.read_all(T)
    assert ("wipy: %s: the board powers off (/flash written out)" % sig.name).encode() in said, said
    assert b"Telnet server stopped" in said, said
    assert mtype(str(state), name) == (0, data.encode())
    assert (state / "lock").read_bytes() == b""  # no holder's pid left behind
    # a board on the same directory starts (the lock is free) and finds the file
    b2 = make_board(state)
    assert b"kept from before" in b2.before_telnet_line, b2.before_telnet_line
    t = b2.telnet()
    t.repl_ready()
    assert friendly_exec(t, ("print(open('/flash/%s').read(), end='')" % name).encode()) == data.replace("\n", "\r\n").encode()
    t.close()


def test_sigint_on_a_terminal_board_is_still_a_key(make_board):
    """On a terminal the board's Ctrl-C is a byte (the terminal's signal keys are off): it
    interrupts the program as on the WiPy; the board goes on."""
    b = make_board(use_pty=True)
    b.term.read_until(PROMPT)
    b.term.write(b"exec('print(\\'looping\\')\\nwhile True: pass')\r")
    b.term.read_until(b"looping\r\n")
    b.term.write(b"\x03")
    b.term.read_until(b"KeyboardInterrupt: \r\n" + PROMPT)
    assert b.alive()
