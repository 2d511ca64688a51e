"""The control interface itself (docs/control-protocol.md): framing, every kind of malformed request
(each gets an error reply, the board and the connection go on), several clients at once, pins
driven, read, released and their history, over-voltage refused and recorded, the clock, the trace
started and stopped from outside, the command-line client."""
import json
import os
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, T, Control, ControlError, read_vcd, repl, run, start

WIPYCTL = os.path.join(ROOT, "tools", "wipyctl")


def raw_lines(port, payload, n, timeout=T):
    """Sends payload on a fresh connection; returns the first n reply lines as dicts."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(payload)
        buf = b""
        while buf.count(b"\n") < n:
            d = s.recv(65536)
            assert d, "connection closed after %r" % buf
            buf += d
        return [json.loads(x) for x in buf.split(b"\n")[:n]]
    finally:
        s.close()


def test_malformed_requests_get_errors_and_the_board_goes_on(make_board):
    b, c = start(make_board)
    payload = (b"garbage\n"                                    # not JSON
               b"{\"cmd\": \"led\"\n"                          # truncated
               b"[1, 2]\n"                                     # not an object
               b"{\"id\": 7}\n"                                # no cmd
               b"{\"cmd\": 42}\n"                              # cmd not a string
               b"{\"cmd\": \"fly\"}\n"                         # unknown command
               b"{\"cmd\": \"pin.read\", \"pin\": \"GP99\"}\n"  # unknown pin
               b"{\"cmd\": \"pin.read\"}\n"                    # missing pin
               b"{\"cmd\": \"pin.drive\", \"pin\": \"GP3\", \"level\": \"mid\"}\n"
               b"{\"cmd\": \"pin.drive\", \"pin\": \"GP3\"}\n"
               b"{\"cmd\": \"pin.drive\", \"pin\": \"GP3\", \"level\": 1, \"volts\": 1}\n"
               b"{\"cmd\": \"pin.drive\", \"pin\": \"GP3\", \"volts\": -1}\n"
               b"{\"cmd\": \"pin.history\", \"pin\": \"GP3\", \"n\": 1000}\n"
               b"{\"cmd\": \"clock.advance\"}\n"
               b"{\"cmd\": \"clock.advance\", \"ms\": -5}\n"
               b"{\"cmd\": \"subscribe\", \"events\": [\"nonsense\"]}\n"
               b"{\"cmd\": \"reset\", \"kind\": \"sideways\"}\n"
               b"{\"cmd\": \"led\", \"cmd\": \"pins\"}\n"       # duplicate key
               b"\xff\xfe\n"                                   # not UTF-8
               b"\n\r\n"                                       # blank lines: no reply
               b"{\"id\": \"last\", \"cmd\": \"pin.read\", \"pin\": \"GP3\"}\n")
    replies = raw_lines(b.control_port, payload, 20)
    errors, last = replies[:19], replies[19]
    for r in errors:
        assert r["ok"] is False and isinstance(r["error"], str) and r["error"], r
    assert "bad JSON" in errors[0]["error"]
    assert errors[3]["id"] == 7 and "cmd" in errors[3]["error"]
    assert "unknown command 'fly'" in errors[5]["error"]
    assert "unknown pin 'GP99'" in errors[6]["error"]
    assert "level" in errors[8]["error"]
    assert last == dict(last, id="last", ok=True, pin="GP3", level=0, outside=False)
    # nothing of that changed the board, which still answers on telnet and to the first client
    assert c.status()["damage"] == 0
    r = repl(b)
    assert run(r, "print(6 * 7)") == "42\r\n"
    assert b.alive()


def test_overlong_line_is_refused_and_the_connection_goes_on(make_board):
    b, c = start(make_board)
    big = b"{\"cmd\": \"led\", \"pad\": \"" + b"x" * 70000 + b"\"}\n"
    replies = raw_lines(b.control_port, big + b"{\"cmd\": \"led\"}\n", 2)
    assert replies[0]["ok"] is False and "too long" in replies[0]["error"]
    assert replies[1]["ok"] is True and "on" in replies[1]


def test_several_clients(make_board):
    b, c = start(make_board)
    watchers = [Control(b.control_port) for _ in range(3)]
    for w in watchers:
        w.subscribe(["edge"], pins=["GP10"])
    c.drive("GP11", "high")            # not subscribed: no event for it
    c.drive("GP10", "high")
    for w in watchers:
        ev = w.wait_event(event="edge")
        assert (ev["pin"], ev["level"]) == ("GP10", 1)
    # one goes away without a word; the others and the board carry on
    watchers[0].close()
    c.drive("GP10", "low")
    for w in watchers[1:]:
        ev = w.wait_event(event="edge")
        assert (ev["pin"], ev["level"]) == ("GP10", 0)
    # at most 8 at once: the ninth is told so
    extra = [Control(b.control_port) for _ in range(8 - 3)]
    s = socket.create_connection(("127.0.0.1", b.control_port), timeout=T)
    line = s.makefile("rb").readline()
    s.close()
    assert json.loads(line)["ok"] is False and "8 clients" in json.loads(line)["error"]
    for x in extra:
        x.close()
    assert c.level("GP10") == 0


def test_drive_read_release_and_history(make_board):
    b, c = start(make_board)
    p = c.pin("GP10")
    assert (p["level"], p["mode"], p["pull"], p["outside"]) == (0, "IN", None, False)
    t0 = c.clock()
    for level in ("high", "low", 1, 0, True):
        c.drive("GP10", level)
    p = c.pin("GP10")
    assert (p["level"], p["outside"], p["volts"]) == (1, True, 3.3)
    h = c.history("GP10")
    assert [lv for _, lv in h["edges"]] == [1, 0, 1, 0, 1] and h["total"] == 5
    times = [t for t, _ in h["edges"]]
    assert times == sorted(times) and times[0] >= t0
    assert [lv for _, lv in c.history("GP10", 2)["edges"]] == [0, 1]
    c.release("GP10")
    assert c.pin("GP10")["outside"] is False
    # a voltage: 1.2 V reads low, 2.5 V high
    assert c.volts("GP11", 1.2)["level"] == 0
    p = c.volts("GP11", 2.5)
    assert (p["level"], p["volts"]) == (1, 2.5)
    assert len(c.pins()) == 25 and c.pins()[0]["pin"] == "GP0"


def test_overvoltage_is_refused_and_recorded(make_board):
    b, c = start(make_board)
    w = Control(b.control_port)
    w.subscribe(["board"])
    c.volts("GP12", 3.0)
    with pytest.raises(ControlError) as e:
        c.volts("GP12", 5.0)
    assert "GP12" in str(e.value) and "3.6 V" in str(e.value) and "damage" in str(e.value)
    ev = w.wait_event(event="damage")
    assert (ev["pin"], ev["volts"], ev["count"]) == ("GP12", 5.0, 1)
    p = c.pin("GP12")
    assert (p["volts"], p["level"]) == (3.0, 1)      # the refused drive changed nothing
    st = c.status()
    assert (st["damage"], st["last_damage_pin"]) == (1, "GP12")
    c.volts("GP12", 3.6)                             # the limit itself is fine
    with pytest.raises(ControlError):
        c.volts("GP13", 3.61)
    assert c.status()["damage"] == 2


def test_virtual_clock_read_and_advance(make_board):
    b, c = start(make_board, clock="virtual")
    assert c.info()["clock"] == "virtual"
    t0 = c.clock()
    assert c.clock() == t0                            # waiting for input: time stands still
    assert c.advance(ms=1500) == t0 + 1500 * 10**6
    assert c.advance(us=3) == t0 + 1500 * 10**6 + 3000
    e = c.energy()
    assert e["total_ns"] >= 1500 * 10**6 and e["charge_uc"] > 0


def test_real_clock_refuses_advance(make_board):
    b, c = start(make_board, clock="real")
    t0 = c.clock()
    with pytest.raises(ControlError) as e:
        c.advance(ms=10)
    assert "real" in str(e.value)
    assert c.clock() >= t0


def test_trace_from_outside(make_board, tmp_path):
    b, c = start(make_board)
    path = str(tmp_path / "t.vcd")
    with pytest.raises(ControlError):
        c.trace_stop()                                 # none running
    with pytest.raises(ControlError) as e:
        c.trace_start(str(tmp_path / "no" / "such" / "dir.vcd"))
    assert "can't open" in str(e.value)
    st = c.trace_start(path)
    assert st["running"] and st["file"] == path
    with pytest.raises(ControlError):
        c.trace_start(path)                            # one at a time
    c.drive("GP6", "high")
    c.advance(ms=1)
    c.drive("GP6", "low")
    st = c.trace_stop()
    assert not st["running"] and st["file"] == path and st["changes"] >= 2
    v = read_vcd(path)
    assert v.timescale_ns == 1
    assert [lv for _, lv in v.edges("GP6")] == ["1", "0"]
    (t1, _), (t2, _) = v.edges("GP6")
    assert t2 - t1 == 10**6
    assert "LED" in v.changes and len(v.changes) == 26


def test_console_events(make_board):
    b, c = start(make_board)
    c.subscribe(["console"])
    r = repl(b)
    run(r, "print('hello from', 'python')")
    c.console_until("hello from python")


def test_wipyctl_command_line(make_board, tmp_path):
    b, c = start(make_board)

    def ctl(*args):
        p = subprocess.run([sys.executable, WIPYCTL, "--port", str(b.control_port)] + list(args),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=T)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    rc, out, err = ctl("pin", "GP10", "high")
    assert rc == 0 and json.loads(out)["level"] == 1, (out, err)
    assert c.level("GP10") == 1
    rc, out, err = ctl("history", "GP10")
    assert rc == 0 and out.split("\n")[-2].endswith(" 1")
    rc, out, err = ctl("led")
    assert rc == 0 and out in ("on\n", "off\n")
    rc, out, err = ctl("clock", "advance", "250us")
    assert rc == 0 and int(out) == c.clock()
    rc, out, err = ctl("pin", "GP10", "volts", "9")
    assert rc == 1 and "refused" in err and out == ""
    rc, out, err = ctl("pin", "GP99")
    assert rc == 1 and "unknown pin" in err
    rc, out, err = ctl("bogus")
    assert rc == 2 and "bad command" in err
    rc, out, err = ctl("watch", "edge", "--pins", "GP10", "--count", "0")
    assert rc == 0
    rc, out, err = ctl("send", '{"cmd": "pin.read", "pin": "GP10"}')
    assert rc == 0 and json.loads(out)["ok"] is True
