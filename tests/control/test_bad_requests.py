"""Malformed control requests to every command (issue 9's test list, with the device commands of
issue 10): each command the board lists in `help` gets arguments of the wrong types and values;
every request is answered with one reply (an error, or a success where the junk is ignored), the
board's state is untouched (no damage, no drive held, no trace running) and it goes on answering
on telnet. `reset` and `power_cycle` only get bad kinds (a good one would reset the board)."""
import json
import socket

from conftest import ROOT, T, repl, run, start

JUNK = [
    {"pin": 5}, {"pin": "GP99"}, {"pin": ["GP10"]}, {"pin": None},
    {"level": [1]}, {"level": "mid"}, {"volts": "x"}, {"volts": -3},
    {"n": -1}, {"n": "3"}, {"events": "edge"}, {"pins": "GP10"},
    {"device": 1}, {"device": "ghost"}, {"values": []}, {"offset": "0"}, {"length": -2},
    {"hex": 5}, {"base64": "!!!!"}, {"encoding": 1},
    {"file": 3}, {"button": 1}, {"button": "nope"}, {"ssid": 1}, {"up": "yes", "ssid": "x"},
    {"kind": "sideways"}, {"kind": 4}, {"ms": "1"}, {"s": 10**15},
]


def test_every_command_with_junk(make_board):
    b, c = start(make_board, "--board", ROOT + "/boards/devices.json")
    names = c.call("help")["commands"]
    assert "device.set" in names and "adc" in names
    lines = []
    for name in names:
        cases = [{"kind": "sideways"}, {"kind": 4}] if name in ("reset", "power_cycle") else JUNK
        if name == "power_cycle":
            continue  # it takes no arguments at all: any request is a power cycle
        for args in cases:
            lines.append(dict(args, cmd=name, id=len(lines)))
    s = socket.create_connection(("127.0.0.1", b.control_port), timeout=T)
    s.sendall(b"".join(json.dumps(x).encode() + b"\n" for x in lines))
    f = s.makefile("rb")
    replies = []
    while len(replies) < len(lines):
        msg = json.loads(f.readline())
        if "event" not in msg:
            replies.append(msg)
    s.close()
    assert [r["id"] for r in replies] == list(range(len(lines)))
    for req, rep in zip(lines, replies):
        assert isinstance(rep["ok"], bool), (req, rep)
        if not rep["ok"]:
            assert isinstance(rep["error"], str) and rep["error"] and "\n" not in rep["error"], (req, rep)
    refused = {(req["cmd"], json.dumps({k: v for k, v in req.items() if k not in ("cmd", "id")}))
               for req, rep in zip(lines, replies) if not rep["ok"]}
    for name, args in [("pin.read", '{"pin": 5}'), ("pin.drive", '{"volts": "x"}'), ("device.set", '{"values": []}'),
                       ("device.read", '{"device": "ghost"}'), ("trace.start", '{"file": 3}'),
                       ("reset", '{"kind": "sideways"}'), ("clock.advance", '{"s": 1000000000000000}'),
                       ("subscribe", '{"events": "edge"}'), ("button.press", '{"button": "nope"}')]:
        assert (name, args) in refused, (name, args)
    st = c.status()
    assert st["damage"] == 0 and st["trace"]["running"] is False
    assert not any(p["outside"] for p in c.pins() if p["pin"] != "GP5")  # GP5: the board file's potentiometer
    r = repl(b)
    assert run(r, "print(6 * 7)") == "42\r\n"
    assert b.alive()
