"""The board file (`--board FILE`, Wokwi diagram.json style): what the shipped boards wire, parts
acting on pins, and bad files: one line naming the file, the key or line and what is wrong, exit
status 2, no state directory created."""
import json
import os
import subprocess

import pytest

from conftest import BARE, RIG, T
from harness import board_file_refused


def test_shipped_boards(make_session):
    s = make_session(["--board", BARE, "--clock", "virtual"])
    out = s.run("from machine import Pin\n"
                "a = Pin('GP17', Pin.OUT, value=1); b = Pin('GP12', Pin.IN, Pin.PULL_DOWN)\n"
                "print(b())\n")
    assert out == "0\n"  # the bare WiPy has no wires
    s = make_session(["--board", RIG, "--clock", "virtual"])
    out = s.run("from machine import Pin\n"
                "a = Pin('GP17', Pin.OUT, value=1); b = Pin('GP12', Pin.IN, Pin.PULL_DOWN)\n"
                "c = Pin('GP16', Pin.OUT, value=1); d = Pin('GP13', Pin.IN, Pin.PULL_DOWN)\n"
                "print(b(), d())\n")
    assert out == "1 1\n"


def test_parts_act_on_the_pins(make_session, tmp_path):
    board = {
        "version": 1,
        "parts": [
            {"type": "wipy", "id": "wipy"},
            {"type": "wokwi-pushbutton", "id": "btn", "attrs": {"pull": "up", "bounce_ms": "5"}},
            {"type": "led", "id": "led1"},
            {"type": "voltage-source", "id": "v", "attrs": {"mv": 3000}},
            {"type": "potentiometer", "id": "pot", "attrs": {"mv": "500"}},
        ],
        "connections": [
            ["btn:1.l", "wipy:GP10"], ["btn:2.l", "wipy:GND"],
            ["led1:A", "wipy:GP9"], ["led1:C", "wipy:GND"],
            ["v:+", "wipy:GP22"],
            ["pot:SIG", "wipy:GP5"],
        ],
    }
    path = tmp_path / "parts.json"
    path.write_text(json.dumps(board))
    s = make_session(["--board", str(path), "--clock", "virtual"])
    out = s.run("from machine import Pin\n"
                "print(Pin('GP10', Pin.IN)(), Pin('GP22', Pin.IN)(), Pin('GP5', Pin.IN)())\n")
    assert out == "1 1 0\n"  # the button's pull-up, 3 V, 0.5 V


@pytest.mark.parametrize("text, msg", [
    ("{", "line 1, column 1: "),
    ("{\n  \"parts\": [\n  ]\n  \"connections\": []\n}", "line 4, column "),
    ("[]", "the board file is a JSON object"),
    ('{"parts": [], "wires": []}', 'unknown key "wires"'),
    ('{"parts": {}}', '"parts" must be a list'),
    ('{"parts": [{"type": "servo", "id": "s"}]}', "parts[0].type: unknown part type 'servo'"),
    ('{"parts": [{"id": "s"}]}', "parts[0].type: missing"),
    ('{"parts": [{"type": "led"}]}', "parts[0].id: missing"),
    ('{"parts": [{"type": "led", "id": "a"}, {"type": "led", "id": "a"}]}', "parts[1].id: 'a' is used twice"),
    ('{"connections": [["wipy:GP12", "wipy:GP26"]]}', "connections[0]: the WiPy has no pin 'GP26'"),
    ('{"connections": [["wipy:GP12"]]}', "connections[0]: a connection is"),
    ('{"connections": [["wipy:GP12", "x:1"]]}', "connections[0]: no part has the id 'x'"),
    ('{"connections": [["wipy:GP12", "wipy:GND"]]}', "would short it"),
    ('{"parts": [{"type": "led", "id": "l"}], "connections": [["l:B", "wipy:GP9"]]}', "a led has no terminal 'B'"),
    ('{"parts": [{"type": "pushbutton", "id": "b"}], "connections": [["b:1", "wipy:GP9"]]}',
     "parts (b): a pushbutton needs one terminal on a GP pin and the other on GND or 3V3"),
    ('{"parts": [{"type": "pushbutton", "id": "b", "attrs": {"pull": "sideways"}}], '
     '"connections": [["b:1", "wipy:GP9"], ["b:2", "wipy:GND"]]}', 'parts (b).attrs.pull: wants'),
    ('{"parts": [{"type": "voltage-source", "id": "v", "attrs": {"mv": 5000}}], "connections": [["v:+", "wipy:GP9"]]}',
     "5000 mV on GP9 is above the 3600 mV a GPIO takes"),
    ('{"parts": [{"type": "voltage-source", "id": "v", "attrs": {"mv": "lots"}}], "connections": [["v:+", "wipy:GP9"]]}',
     "parts (v).attrs.mv: wants a whole number"),
])
def test_bad_board_files(wipy, tmp_path, text, msg):
    err = board_file_refused(tmp_path, text, wipy)
    assert msg in err, err


def test_missing_board_file(wipy, tmp_path):
    state = tmp_path / "never"
    r = subprocess.run([wipy, "--state", str(state), "--telnet-port", "0", "--board", str(tmp_path / "nope.json")],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=T)
    assert r.returncode == 2
    assert r.stderr.decode() == "wipy: %s: can't read the board file\n" % (tmp_path / "nope.json")
    assert not os.path.exists(state)
