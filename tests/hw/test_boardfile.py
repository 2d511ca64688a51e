"""The board file (`--board FILE`, Wokwi diagram.json style): what the shipped boards wire, parts
acting on pins, and bad files (the "i2c" and "spi" device sections too): one line naming the file,
the key or line and what is wrong, exit status 2, no state directory created."""
import json
import os
import subprocess

import pytest

from conftest import BARE, RIG, T


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


# The device sections of both buses (board/bus_boardfile.c): (bus, section, message).
BAD_DEVICE_SECTIONS = [
    ("i2c", '"lots"', '"i2c" must be a list of devices'),
    ("i2c", '[3]', 'i2c[0]: a device is an object with a "type"'),
    ("i2c", '[{"address": 80}]', 'i2c[0]: "type" is missing (one of mpu9150, mpu6050, 24lc256, bme280, ssd1306)'),
    ("i2c", '[{"type": "lcd"}]', "i2c[0]: unknown I2C device type 'lcd'"),
    ("i2c", '[{"type": "24lc256", "id": 7}]', 'i2c[0]: "id" must be a string'),
    ("i2c", '[{"type": "24lc256", "address": "0x99"}]', 'i2c[0]: "address" must be a 7-bit number like 104 or "0x68"'),
    ("i2c", '[{"type": "24lc256", "address": 3}]', "i2c[0]: I2C address 0x3 is outside 0x08..0x77"),
    ("i2c", '[{"type": "24lc256"}, {"type": "24lc256", "id": "b"}]', "i2c[1]: I2C address 0x50 is taken by '24lc256'"),
    ("i2c", '[{"type": "24lc256", "scl": "GP99"}]', 'i2c[0]: "scl" must be a pin name like "GP10"'),
    ("i2c", '[{"type": "24lc256", "sda": 5}]', 'i2c[0]: "sda" must be a pin name like "GP10"'),
    ("spi", '{"type": "w25q32"}', '"spi" must be a list of devices'),
    ("spi", '["w25q32"]', 'spi[0]: a device is an object with a "type" and a "cs" pin'),
    ("spi", '[{"cs": "GP17"}]', 'spi[0]: "type" is missing (a flash chip: w25q80, w25q16, w25q32, w25q64)'),
    ("spi", '[{"type": "at45db", "cs": "GP17"}]',
     "spi[0]: unknown SPI device type 'at45db' (known: w25q80, w25q16, w25q32, w25q64)"),
    ("spi", '[{"type": "w25q32", "id": 7, "cs": "GP17"}]', 'spi[0]: "id" must be a string'),
    ("spi", '[{"type": "w25q32"}]', 'spi[0]: "cs" must be the pin that selects the device, like "GP17"'),
    ("spi", '[{"type": "w25q32", "cs": "GP99"}]', 'spi[0]: "cs" must be the pin'),
    ("spi", '[{"type": "w25q32", "cs": "GP17", "speed": 1}]', 'spi[0]: unknown key "speed" (known: type, cs, id)'),
    ("spi", '[{"type": "w25q32", "cs": "GP17"}, {"type": "w25q16", "cs": "GP17"}]',
     "spi[1]: GP17 already selects SPI device 'w25q32'"),
    ("spi", '[{"type": "w25q32", "cs": "GP17"}, {"type": "w25q32", "cs": "GP22"}]',
     "spi[1]: SPI device id 'w25q32' is taken"),
]


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
] + [('{"version": 1, "parts": [{"type": "wipy", "id": "wipy"}], "%s": %s}' % (bus, section), msg)
     for bus, section, msg in BAD_DEVICE_SECTIONS])
def test_bad_board_files(wipy, tmp_path, text, msg):
    path = tmp_path / "bad.json"
    path.write_text(text)
    state = tmp_path / "never"
    r = subprocess.run([wipy, "--state", str(state), "--telnet-port", "0", "--board", str(path)],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=T)
    err = r.stderr.decode()
    assert r.returncode == 2, r
    assert err.count("\n") == 1 and err.startswith("wipy: %s: " % path), err
    assert msg in err, err
    assert not os.path.exists(state)


def test_missing_board_file(wipy, tmp_path):
    state = tmp_path / "never"
    r = subprocess.run([wipy, "--state", str(state), "--telnet-port", "0", "--board", str(tmp_path / "nope.json")],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=T)
    assert r.returncode == 2
    assert r.stderr.decode() == "wipy: %s: can't read the board file\n" % (tmp_path / "nope.json")
    assert not os.path.exists(state)
