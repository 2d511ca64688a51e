"""Safe boot (spec §12, issue 11 item 6): the bootloader watches GP28 at every reset, after the
control interface and the trace are up. Each choice through --safe-boot (which holds GP28 as a hand
would) and through GP28 held from outside with tools/wipyctl and released in each window; the LED's
toggle timing (500/250/100 ms) read from the VCD under --clock virtual; boot.py skipped; the choice
not persistent; a boot.py that stops the servers recovered with --safe-boot latest. The state has
three different versions: factory, previous update (OTHER) and latest update (NEW)."""
import socket

import pytest

from conftest import T, friendly_exec
from harness import CONTROL_LINE
from vcd import read_vcd
from test_ota import FACTORY, NEW, OTHER, hard_reset, image, release, repl, upload


MS = 1000000
BOOT_PY = b"f = open('/flash/ran', 'a'); f.write('b'); f.close()\r\n"


def ran(board):
    """How many times boot.py ran (it appends one byte to /flash/ran)."""
    t = repl(board)
    n = friendly_exec(t, b"import os; print(os.stat('/flash/ran')[6] if 'ran' in os.listdir('/flash') else 0)")
    t.close()
    return int(n.decode().strip())


@pytest.fixture
def three_versions(make_board):
    """A state directory whose latest update is NEW, previous OTHER, factory this build; boot.py
    counts its runs."""
    b = make_board(args=["--clock", "virtual"])
    assert upload(b, image(OTHER)).startswith("226")
    hard_reset(b)
    assert upload(b, image(NEW)).startswith("226")
    assert upload(b, BOOT_PY, "/flash/boot.py").startswith("226")
    hard_reset(b)
    assert release(b) == NEW and ran(b) == 1
    b.kill()
    return b.state


def led_intervals_ms(vcd_path):
    """The intervals between the LED's edges of the safe-boot sequence, and the first edge's time."""
    edges = [t for t, _ in read_vcd(vcd_path).edges("GP25")]
    return edges[0] // MS, [(b - a) // MS for a, b in zip(edges, edges[1:])]


@pytest.mark.parametrize("choice,version,toggles", [
    ("latest", NEW, [500] * 3),
    ("previous", OTHER, [500] * 6 + [250] * 6 + [125]),  # released at 5.125 s: LED off
    ("factory", FACTORY, [500] * 6 + [250] * 12 + [100] * 15),
])
def test_safe_boot_option(make_board, three_versions, tmp_path, choice, version, toggles):
    vcd = str(tmp_path / "sb.vcd")
    b = make_board(three_versions, args=["--clock", "virtual", "--safe-boot", choice, "--vcd", vcd])
    assert release(b) == version
    assert ran(b) == 1  # boot.py skipped
    assert b.before_telnet_line.count(b"FTP server on") == 1  # the bootloader printed nothing of its own
    hard_reset(b)  # not persistent: the latest firmware again, boot.py runs
    assert release(b) == NEW and ran(b) == 2
    first, iv = led_intervals_ms(vcd)  # the reset wrote the trace out
    assert first == 500  # GP28 high for 0.5 s starts the sequence
    assert iv[:len(toggles)] == toggles, iv[:len(toggles) + 2]
    assert all(x > 500 for x in iv[len(toggles):len(toggles) + 1])  # then no more toggling


def test_gp28_held_from_outside(make_board, three_versions):
    """Real clock: GP28 driven through the control interface, held through a reset and released in
    the first window, in the second, and not at all (factory); then released: a normal boot."""
    b = make_board(three_versions, args=["--control", "127.0.0.1:0"])
    c = b.control_client()
    port = b.control_port
    c.subscribe(events=["led"])
    n = ran(b)  # this boot's run included
    ons = lambda e: e.get("event") == "led" and e.get("on") and e["t_ns"] >= 500 * MS  # noqa: E731
    for choice, version, wait_ons in (("latest", NEW, 1), ("previous", OTHER, 5), ("factory", FACTORY, None)):
        c.drive("GP28", "high")
        c.reset()
        c.events.clear()  # the last life's: the reset is carried out after its reply
        if wait_ons is not None:
            for _ in range(wait_ons):  # window 1: on at 0.5, 1.5, 2.5 s; window 2: 3.5, 4.0 s
                c.wait_event(ons, timeout=T)
            c.release("GP28")
            b.wait_telnet_line()
        else:
            b.wait_telnet_line(timeout=2 * T)  # 8 s of sequence, then the factory image boots
            c.release("GP28")
        assert b"Control on" not in b.before_telnet_line, b.before_telnet_line  # the bootloader's: none
        assert int(b.term.read_regex(CONTROL_LINE).group(2)) == port
        assert release(b) == version, choice
        assert ran(b) == n, choice
    c.reset()  # released: an ordinary boot of the latest firmware, boot.py runs
    b.wait_telnet_line()
    b.term.read_regex(CONTROL_LINE)
    assert release(b) == NEW and ran(b) == n + 1
    c.close()


def test_boot_py_that_stops_the_servers_is_recoverable(make_board):
    b = make_board(args=["--clock", "virtual"])
    assert upload(b, b"import network\r\nnetwork.Server().deinit()\r\n", "/flash/boot.py").startswith("226")
    t = repl(b)
    t.send(b"import machine; machine.reset()\r")
    t.read_all()
    b.wait_telnet_line()
    with pytest.raises(OSError):  # locked out
        socket.create_connection(("127.0.0.1", b.port), timeout=2).recv(1)
    b.kill()
    b = make_board(b.state, args=["--clock", "virtual", "--safe-boot", "latest"])
    assert release(b) == FACTORY
    t = repl(b)
    assert friendly_exec(t, b"print(open('/flash/boot.py').read()[:14])") == b"import network\r\n"
