"""The boot sequence (spec §8 first-boot files, §12 "Boot sequence"): the /flash image checked with
mtools after the board is stopped, boot.py and main.py (placed with mtools while the board is
stopped, or written over telnet and run by a soft reset), machine.main(), errors and SystemExit in
them, Ctrl-C during an endless main.py, soft and hard reset, state across restarts.

Scripts staged with mtools record what ran in a global list ORDER: boot.py and main.py run in
__main__'s globals, so the REPL sees it afterwards without needing `os`."""
import os
import shutil
import subprocess
import tempfile
import time

import pytest

from conftest import (FIRST_BOOT, FIRST_MAIN, LOGIN_BAD, PROMPT, SCALE, T, RawRepl, Telnet,
                      friendly_exec)

FLASH_SIZE = 192 * 1024
FIRST_LIST = ["main.py", "sys", "lib", "cert", "boot.py"]
DUPTERM = b"import os, machine\r\nos.dupterm(machine.UART(0, 115200))\r\n"


def need_mtools():
    if shutil.which("mcopy") is None or shutil.which("mdir") is None:
        pytest.skip("mtools is not installed (scripts/deps.sh installs it)")


def mt(*args, check=True):
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    r = subprocess.run(list(args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=T)
    if check:
        assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r


def image(board_or_state):
    state = getattr(board_or_state, "state", board_or_state)
    return os.path.join(str(state), "flash.img")


def img_list(state, path="::"):
    out = mt("mdir", "-b", "-i", image(state), path).stdout.decode()
    names = []
    for line in out.splitlines():
        line = line.strip()
        if line:
            names.append(line.rstrip("/").rsplit("/", 1)[-1])
    return names


def img_get(state, name):
    return mt("mcopy", "-n", "-i", image(state), "::" + name, "-").stdout


def img_put(state, name, data):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
    try:
        mt("mcopy", "-o", "-i", image(state), f.name, "::" + name)
    finally:
        os.unlink(f.name)


def booted(make_board, **kw):
    """A board that has finished its first boot (logged in at its prompt), then stopped."""
    b = make_board(**kw)
    t = b.telnet()
    t.repl_ready()
    t.close()
    b.kill()
    return b.state


def staged(make_board, files, **kw):
    """A board booted once, stopped, `files` {name: bytes} put on /flash, then started again; returns
    (board, logged-in telnet session at the prompt)."""
    need_mtools()
    state = booted(make_board)
    for name, data in files.items():
        img_put(state, name, data)
    b = make_board(state=state, **kw)
    t = b.telnet()
    t.repl_ready()
    return b, t


# ---- first boot ----

def test_first_boot_image(make_board):
    need_mtools()
    state = booted(make_board)
    assert os.path.getsize(image(state)) == FLASH_SIZE
    assert img_list(state) == FIRST_LIST
    assert img_get(state, "main.py") == FIRST_MAIN
    assert img_get(state, "boot.py") == FIRST_BOOT
    for d in ("sys", "lib", "cert"):
        assert img_list(state, "::" + d) == [], d
    if shutil.which("fsck.fat"):
        r = subprocess.run(["fsck.fat", "-n", image(state)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=T)
        assert r.returncode == 0, r.stdout + r.stderr


def test_first_boot_over_telnet(session):
    e = lambda line: friendly_exec(session, line)
    assert e(b"import os, sys") == b""
    assert e(b"print(os.listdir('/flash'))") == b"['main.py', 'sys', 'lib', 'cert', 'boot.py']\r\n"
    assert e(b"print(os.listdir('/'))") == b"['flash']\r\n"
    assert e(b"print(open('/flash/boot.py', 'rb').read() == %r)" % FIRST_BOOT) == b"True\r\n"
    assert e(b"print(open('/flash/main.py', 'rb').read() == %r)" % FIRST_MAIN) == b"True\r\n"
    assert e(b"print(os.getcwd())") == b"/flash\r\n"
    assert e(b"print(sys.path)") == b"['', '/flash', '/flash/lib']\r\n"


def test_missing_files_recreated(make_board):
    need_mtools()
    state = booted(make_board)
    mt("mdel", "-i", image(state), "::main.py")
    mt("mdel", "-i", image(state), "::boot.py")
    mt("mrd", "-i", image(state), "::lib")
    img_put(state, "keep.txt", b"mine")
    booted(make_board, state=state)
    names = img_list(state)
    assert sorted(names) == sorted(FIRST_LIST + ["keep.txt"]), names
    assert img_get(state, "main.py") == FIRST_MAIN
    assert img_get(state, "boot.py") == FIRST_BOOT
    assert img_get(state, "keep.txt") == b"mine"


def test_existing_files_not_overwritten(make_board):
    b, t = staged(make_board, {"boot.py": b"ORDER = ['boot']\r\n", "main.py": b"ORDER.append('main')\r\n"})
    t.close()
    b.kill()
    assert img_get(b.state, "boot.py") == b"ORDER = ['boot']\r\n"
    assert img_get(b.state, "main.py") == b"ORDER.append('main')\r\n"


# ---- boot.py, main.py, machine.main ----

def test_boot_then_main(make_board):
    b, t = staged(make_board, {"boot.py": b"ORDER = ['boot']\r\n", "main.py": b"ORDER.append('main')\r\n"})
    assert friendly_exec(t, b"print(ORDER)") == b"['boot', 'main']\r\n"


def test_machine_main_switches_the_main_file(make_board):
    b, t = staged(make_board, {"boot.py": b"import machine\r\nORDER = ['boot']\r\nmachine.main('other.py')\r\n",
                               "other.py": b"ORDER.append('other')\r\n",
                               "main.py": b"ORDER.append('main')\r\n"})
    assert friendly_exec(t, b"print(ORDER)") == b"['boot', 'other']\r\n"


def test_errors_in_boot_and_main_do_not_stop_the_boot(make_board):
    b, t = staged(make_board, {"boot.py": b"ORDER = ['boot']\r\nraise ValueError('bootfail')\r\n",
                               "main.py": b"ORDER.append('main')\r\nraise OSError('mainfail')\r\n"})
    assert friendly_exec(t, b"print(ORDER)") == b"['boot', 'main']\r\n"


def test_error_tracebacks_on_the_terminal(make_board):
    b, t = staged(make_board, {"boot.py": DUPTERM + b"print('BOOT-RUN')\r\nraise ValueError('bootfail')\r\n",
                               "main.py": b"print('MAIN-RUN')\r\nraise OSError('mainfail')\r\n"})
    got = b.term.read_until(PROMPT)
    want = [b"BOOT-RUN\r\n", b"Traceback (most recent call last):\r\n", b"ValueError: bootfail\r\n",
            b"MAIN-RUN\r\n", b"Traceback (most recent call last):\r\n", b"OSError: mainfail\r\n",
            b'Type "help()" for more information.\r\n>>> ']
    pos = 0
    for w in want:
        i = got.find(w, pos)
        assert i >= 0, (w, got)
        pos = i + len(w)


def test_soft_reset_runs_boot_and_main_again(make_board):
    b, t = staged(make_board, {"boot.py": b"ORDER = ['boot']\r\n", "main.py": b"ORDER.append('main')\r\n"})
    friendly_exec(t, b"ORDER.append('repl')")
    t.send(b"\x04")
    got = t.read_until(PROMPT)
    assert b"MPY: soft reboot\r\n" in got
    assert friendly_exec(t, b"print(ORDER)") == b"['boot', 'main']\r\n"
    # from the raw REPL, main.py is skipped
    raw = RawRepl(t)
    raw.enter(soft_reset=True)
    assert raw.exec("print(ORDER)") == (b"['boot']\r\n", b"")


def test_boot_and_main_written_over_telnet(session, board):
    e = lambda line: friendly_exec(session, line)
    boot = FIRST_BOOT + b"print('BOOT-RUN')\r\n"
    assert e(b"f = open('/flash/boot.py', 'wb'); n = f.write(%r); f.close()" % boot) == b""
    assert e(b"f = open('/flash/main.py', 'w'); n = f.write('print(\"MAIN-RUN\")\\n'); f.close()") == b""
    session.send(b"import machine; machine.soft_reset()\r")
    got = session.read_until(PROMPT)
    order = [b"MPY: soft reboot\r\n", b"BOOT-RUN\r\n", b"MAIN-RUN\r\n", b"; WiPy with CC3200\r\n",
             b'Type "help()" for more information.\r\n>>> ']
    pos = 0
    for w in order:
        i = got.find(w, pos)
        assert i >= 0, (w, got)
        pos = i + len(w)
    # the terminal, attached again by boot.py, sees the same
    board.term.read_until(b"MPY: soft reboot\r\n")
    term = board.term.read_until(PROMPT)
    assert b"BOOT-RUN\r\n" in term and b"MAIN-RUN\r\n" in term, term


def test_system_exit_in_boot_is_a_soft_reset(session):
    boot = (FIRST_BOOT + b"import os\r\nif 'flag' in os.listdir('/flash'):\r\n    os.remove('/flash/flag')\r\n"
            b"    print('EXITING')\r\n    raise SystemExit\r\nprint('BOOT-SECOND')\r\n")
    friendly_exec(session, b"f = open('/flash/boot.py', 'wb'); n = f.write(%r); f.close()" % boot)
    friendly_exec(session, b"open('/flash/flag', 'w').close()")
    session.send(b"import machine; machine.soft_reset()\r")
    got = session.read_until(PROMPT)
    order = [b"MPY: soft reboot\r\n", b"EXITING\r\n", b"MPY: soft reboot\r\n", b"BOOT-SECOND\r\n"]
    pos = 0
    for w in order:
        i = got.find(w, pos)
        assert i >= 0, (w, got)
        pos = i + len(w)
    assert b"Traceback" not in got, got


# ---- Ctrl-C during boot ----

@pytest.mark.parametrize("loop", [b"while True:\r\n    pass\r\n",
                                  b"import time\r\nwhile True:\r\n    time.sleep_ms(20)\r\n"], ids=["busy", "sleep"])
def test_ctrl_c_during_endless_main_over_telnet(make_board, loop):
    need_mtools()
    state = booted(make_board)
    img_put(state, "main.py", b"ORDER = 'spinning'\r\n" + loop)
    b = make_board(state=state)
    t = b.telnet()  # logs in while main.py runs
    assert t.read_for(0.3) == b""  # no prompt: no REPL reads while main.py runs
    t.send(b"\x03")
    got = t.read_until(b"KeyboardInterrupt")
    assert got.startswith(b"Traceback (most recent call last):\r\n"), got
    t.read_until(PROMPT)
    assert friendly_exec(t, b"print(ORDER)") == b"spinning\r\n"


def test_ctrl_c_during_endless_main_on_the_terminal(make_board):
    need_mtools()
    state = booted(make_board)
    img_put(state, "main.py", b"print('SPIN')\r\nwhile True:\r\n    pass\r\n")
    b = make_board(state=state)
    b.term.read_until(b"SPIN\r\n")
    b.write(b"\x03")
    got = b.term.read_until(PROMPT)
    assert b"KeyboardInterrupt" in got, got
    b.write(b"print(2 * 21)\r")
    assert b.term.read_until(PROMPT).endswith(b"42\r\n>>> ")


# ---- restarts ----

def test_state_survives_a_restart(make_board):
    need_mtools()
    b = make_board()
    t = b.telnet()
    t.repl_ready()
    friendly_exec(t, b"f = open('/flash/lib/data.txt', 'w'); n = f.write('kept across restarts'); f.close()")
    t.close()
    b.kill()
    assert img_get(b.state, "lib/data.txt") == b"kept across restarts"
    b2 = make_board(state=b.state)
    t2 = b2.telnet()
    t2.repl_ready()
    assert friendly_exec(t2, b"print(open('/flash/lib/data.txt').read())") == b"kept across restarts\r\n"
    assert friendly_exec(t2, b"import os; print(os.listdir('/flash'))") == \
        b"['main.py', 'sys', 'lib', 'cert', 'boot.py']\r\n"


def test_hard_reset(make_board):
    b = make_board()
    t = b.telnet()
    t.repl_ready()
    friendly_exec(t, b"before_reset = 1")
    t.send(b"import machine; machine.reset()\r")
    t.read_all()  # the session ends
    b.wait_telnet_line()  # the board boots again and says where telnet listens
    t2 = b.telnet()
    t2.repl_ready()
    assert friendly_exec(t2, b"print('before_reset' in globals())") == b"False\r\n"


def test_server_settings_survive_soft_reset_not_hard_reset(make_board):
    b = make_board()
    t = b.telnet()
    t.repl_ready()
    t.send(b"import network; network.Server(login=('u2', 'p2'), timeout=300)\r")
    try:
        t.read_until(PROMPT, 2 * SCALE)
    except AssertionError:
        pass
    t.close()

    def login(user, password):
        end = time.monotonic() + T
        while True:
            c = Telnet(b.port)
            first = c.read_exact(1)
            if first == b"M":
                break
            c.close()  # the server still has the last session
            assert time.monotonic() < end
            time.sleep(0.02)
        c.read_until(b"Login as: ")
        c.send(user + b"\r")
        c.read_until(b"Password: ")
        c.send(password + b"\r")
        got = c.read_until(b"\r\n", T)
        got += c.read_until(b"\r\n", T)
        if LOGIN_BAD.strip() in got:
            c.close()
            return None
        c.filter_iac = True
        c.read_until(PROMPT)
        return c

    assert login(b"micro", b"python") is None
    c = login(b"u2", b"p2")
    assert c is not None
    c.send(b"\x04")  # soft reset: the session stays, the settings too
    c.read_until(b"MPY: soft reboot\r\n")
    c.read_until(PROMPT)
    assert friendly_exec(c, b"print(1)") == b"1\r\n"
    c.close()
    assert login(b"micro", b"python") is None
    c = login(b"u2", b"p2")
    c.send(b"import machine; machine.reset()\r")
    c.read_all()
    b.wait_telnet_line()
    c = login(b"micro", b"python")  # a hard reset restores the defaults
    assert c is not None
