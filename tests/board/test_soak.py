"""Soak (issue 14): 10,000 telnet sessions in a row against one board, each logging in, entering
the raw REPL, running a program and asking for a soft reset, then hanging up. The board must
answer every one, and its open descriptors and resident memory must not grow (measured after a
warm-up, from /proc). Runs only when SOAK_SESSIONS is set: `make soak-telnet` (in `make bench`,
too slow for `make test`)."""
import os

import pytest

from conftest import RAW_BANNER, RawRepl

SESSIONS = int(os.environ.get("SOAK_SESSIONS", "0"))
WARMUP = 200

pytestmark = pytest.mark.skipif(SESSIONS == 0, reason="soak: set SOAK_SESSIONS (make soak-telnet)")


def fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def one_session(board, i):
    t = board.telnet(login=False)
    t.login()
    t.read_until(b">>> ")  # the friendly REPL's prompt, shown to the newcomer
    t.send(b"\x01")
    t.read_until(RAW_BANNER)
    raw = RawRepl(t)
    out, err = raw.exec(b"x = %d\nprint(x * 2)" % i, paste=(i % 2 == 0))
    assert (out, err) == (b"%d\r\n" % (2 * i), b""), (i, out, err)
    raw.soft_reset()
    t.send(b"\x02")  # back to the friendly REPL for the next client
    t.read_until(b">>> ")
    t.close()


def usage_with_one_session(board):
    """fds and RSS while exactly one logged-in session is open: the server let this one in, so the
    one before it is closed (measured right after a hang-up, its descriptor may still be open)."""
    t = board.telnet(login=False)
    t.login()
    t.read_until(b">>> ")
    usage = fds(board.pid), rss_kib(board.pid)
    t.close()
    return usage


def test_telnet_sessions_soak(make_board):
    board = make_board()
    for i in range(min(WARMUP, SESSIONS)):
        one_session(board, i)
    base_fds, base_rss = usage_with_one_session(board)
    for i in range(WARMUP, SESSIONS):
        one_session(board, i)
    end_fds, end_rss = usage_with_one_session(board)
    print("\nsoak: %d sessions: fds %d -> %d, RSS %d KiB -> %d KiB" % (SESSIONS, base_fds, end_fds, base_rss, end_rss))
    assert board.alive()
    assert end_fds <= base_fds, (base_fds, end_fds)
    assert end_rss <= base_rss + 256, "RSS grew from %d KiB to %d KiB" % (base_rss, end_rss)
