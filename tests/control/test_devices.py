"""The device models seen and driven from outside (issue 10 item 10) on boards/devices.json: the
device list; MPU-9150 and BME280 values set through the control interface and read by Python over
I2C (the BME280's through the datasheet's compensation formulas, computed on the board); the
24LC256's cells and the W25Q32's array written from outside and read by Python, written by Python
and read from outside (hex and base64), and kept in the state directory; the SSD1306's panel as
rows and as a PBM after Python drew on it; the ADC channels; every bad request refused with a
message and nothing changed; the tools/wipyctl forms."""
import base64
import os
import subprocess
import sys

import pytest

from conftest import ROOT, T, ControlError, repl, run, start

BOARD = os.path.join(ROOT, "boards", "devices.json")
WIPYCTL = os.path.join(ROOT, "tools", "wipyctl")


@pytest.fixture
def dev(make_board):
    b, c = start(make_board, "--board", BOARD)
    return b, c, repl(b)


def test_device_list(dev):
    b, c, r = dev
    ds = c.devices()
    assert [(d["device"], d["bus"], d["type"]) for d in ds] == [
        ("imu", "i2c", "mpu9150"), ("eeprom", "i2c", "24lc256"), ("env", "i2c", "bme280"),
        ("oled", "i2c", "ssd1306"), ("flash", "spi", "w25q32")]
    by = {d["device"]: d for d in ds}
    assert by["imu"]["address"] == 0x68 and by["imu"]["values"]["accel_z"] == 1.0 and by["imu"]["memory"] == 0
    assert by["eeprom"]["memory"] == 32768 and by["eeprom"]["persistent"] is True
    assert by["env"]["values"] == {"temp": 25.0, "pressure": 101325.0, "humidity": 50.0}
    assert by["oled"]["values"] == {"display_on": 0, "contrast": 127, "inverse": 0} and by["oled"]["persistent"] is False
    assert by["flash"]["cs"] == "GP17" and by["flash"]["selected"] is False and by["flash"]["memory"] == 4 << 20
    assert c.device("spi:flash")["device"] == "flash" and c.device("i2c:imu")["type"] == "mpu9150"


def test_sensor_values_reach_python(dev):
    b, c, r = dev
    vals = c.device_set("imu", accel_x=0.5, accel_y=-0.25, gyro_z=125, temp=30.25)
    assert vals["accel_x"] == 0.5 and vals["gyro_z"] == 125.0 and vals["temp"] == 30.25
    out = run(r, "from machine import I2C\n"
                 "import struct\n"
                 "i2c = I2C()\n"
                 "i2c.writeto_mem(0x68, 107, b'\\x00')\n"
                 "print(struct.unpack('>7h', i2c.readfrom_mem(0x68, 59, 14)))\n")
    # 16384 LSB/g, 340 LSB/degC around 36.53, 131 LSB/(deg/s)
    assert out == "(8192, -4096, 16384, %d, 0, 0, %d)\r\n" % ((30250 - 36530) * 340 // 1000 + 1, 125000 * 1310 // 10000)
    c.device_set("env", temp=21.5, pressure=98765.4, humidity=40)
    out = run(r, "d = i2c.readfrom_mem(0x76, 0x88, 24)\n"
                 "T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9 = struct.unpack('<HhhHhhhhhhhh', d)\n"
                 "i2c.writeto_mem(0x76, 0xf2, b'\\x01')\n"
                 "i2c.writeto_mem(0x76, 0xf4, b'\\x25')\n"  # forced mode, x1 oversampling
                 "r = i2c.readfrom_mem(0x76, 0xf7, 8)\n"
                 "ap = r[0] << 12 | r[1] << 4 | r[2] >> 4\n"
                 "at = r[3] << 12 | r[4] << 4 | r[5] >> 4\n"
                 "v1 = (((at >> 3) - (T1 << 1)) * T2) >> 11\n"
                 "v2 = (((((at >> 4) - T1) * ((at >> 4) - T1)) >> 12) * T3) >> 14\n"
                 "tf = v1 + v2\n"
                 "t = (tf * 5 + 128) >> 8\n"
                 "v1 = tf - 128000\n"
                 "v2 = v1 * v1 * P6 + ((v1 * P5) << 17) + (P4 << 35)\n"
                 "v1 = ((v1 * v1 * P3) >> 8) + ((v1 * P2) << 12)\n"
                 "v1 = (((1 << 47) + v1) * P1) >> 33\n"
                 "p = 1048576 - ap\n"
                 "p = (((p << 31) - v2) * 3125) // v1\n"
                 "v1 = (P9 * (p >> 13) * (p >> 13)) >> 25\n"
                 "v2 = (P8 * p) >> 19\n"
                 "p = ((p + v1 + v2) >> 8) + (P7 << 4)\n"
                 "print(t, p // 256, (p % 256) * 10 // 256)\n")
    t, pa, tenth = (int(x) for x in out.split())
    assert t == 2150 and (pa, tenth) in ((98765, 3), (98765, 4), (98765, 5)), out
    assert c.device("env")["values"] == {"temp": 21.5, "pressure": 98765.4, "humidity": 40.0}


def test_bad_value_requests_change_nothing(dev):
    b, c, r = dev
    bad = [
        ({"device": "env", "values": {"humidity": 10, "temp": 100}}, "env: 100 is out of the range of 'temp'"),
        ({"device": "env", "values": {"pressure": 1}}, "out of the range of 'pressure'"),
        ({"device": "env", "values": {"colour": 1}}, "env (bme280) has no value 'colour' (it has: temp, pressure, humidity)"),
        ({"device": "env", "values": {"temp": "hot"}}, "'temp' wants a number"),
        ({"device": "env", "values": {}}, "device.set wants \"values\""),
        ({"device": "env"}, "device.set wants \"values\""),
        ({"device": "flash", "values": {"temp": 1}}, "flash (w25q32) has no values to set"),
        ({"device": "nope", "values": {"temp": 1}}, "no device 'nope' on this board"),
        ({"values": {"temp": 1}}, "\"device\" wants a device's id"),
        ({"device": "spi:env", "values": {"temp": 1}}, "no device 'spi:env'"),
    ]
    for args, msg in bad:
        reply = c.request("device.set", **args)
        assert reply["ok"] is False and msg in reply["error"], (args, reply)
    assert c.device("env")["values"] == {"temp": 25.0, "pressure": 101325.0, "humidity": 50.0}


def test_eeprom_and_flash_contents(dev, tmp_path):
    b, c, r = dev
    assert c.call("device.write", device="eeprom", offset=0x100, hex="68656C6c6f")["length"] == 5
    c.device_write("flash", b"from outside", offset=0x1000)
    out = run(r, "from machine import I2C, SPI, Pin\n"
                 "import time\n"
                 "i2c = I2C()\n"
                 "print(i2c.readfrom_mem(0x50, 0x100, 5, addrsize=16))\n"
                 "i2c.writeto_mem(0x50, 0x200, b'world', addrsize=16)\n"
                 "cs = Pin('GP17', Pin.OUT, value=1)\n"
                 "spi = SPI(0, SPI.MASTER, baudrate=20000000)\n"
                 "def cmd(w, n=0):\n"
                 "    cs(0)\n"
                 "    spi.write(w)\n"
                 "    r = spi.read(n) if n else b''\n"
                 "    cs(1)\n"
                 "    return r\n"
                 "print(cmd(b'\\x03\\x00\\x10\\x00', 12))\n"
                 "cmd(b'\\x06')\n"
                 "cmd(b'\\x02\\x00\\x20\\x00from python')\n"
                 "while cmd(b'\\x05', 1)[0] & 1:\n"
                 "    pass\n")
    assert out == "b'hello'\r\nb'from outside'\r\n"
    got = c.call("device.read", device="eeprom", offset=0x1fe, length=9)
    assert got["hex"] == "ffff776f726c64ffff" and got["size"] == 32768
    assert base64.b64decode(c.call("device.read", device="eeprom", offset=0x200, length=5, encoding="base64")["base64"]) == b"world"
    assert c.device_read("flash", 0x2000, 11) == b"from python"
    assert len(c.call("device.read", device="eeprom")["hex"]) == 2 * 32768
    assert c.call("device.read", device="flash")["length"] == 32768  # bounded
    state = b.state
    with open(os.path.join(state, "i2c-eeprom.bin"), "rb") as f:
        ee = f.read()
    with open(os.path.join(state, "spi-flash.bin"), "rb") as f:
        fl = f.read()
    assert ee[0x100:0x105] == b"hello" and ee[0x200:0x205] == b"world"
    assert fl[0x1000:0x100c] == b"from outside" and fl[0x2000:0x200b] == b"from python" and len(fl) == 4 << 20
    # the display RAM is memory too (not kept)
    c.device_write("oled", b"\x01", 0)
    assert c.device_read("oled", 0, 2) == b"\x01\x00"


def test_bad_memory_requests(dev):
    b, c, r = dev
    before = c.device_read("eeprom", 0, 64)
    bad = [
        ("device.read", {"device": "imu"}, "imu (mpu9150) has no memory to read or write"),
        ("device.read", {"device": "eeprom", "length": 32769}, "\"length\" wants an integer from 0 to 32768"),
        ("device.read", {"device": "eeprom", "offset": 32760, "length": 9}, "offset 32760 + length 9 is past the end of the 32768-byte memory"),
        ("device.read", {"device": "eeprom", "offset": 40000}, "\"offset\" wants an integer from 0 to 32768"),
        ("device.read", {"device": "eeprom", "offset": -1}, "\"offset\" wants an integer"),
        ("device.read", {"device": "eeprom", "encoding": "utf8"}, "\"encoding\" is \"hex\" or \"base64\""),
        ("device.write", {"device": "eeprom", "hex": "abc"}, "\"hex\" is not well-formed hex"),
        ("device.write", {"device": "eeprom", "hex": "zz"}, "\"hex\" is not well-formed hex"),
        ("device.write", {"device": "eeprom", "base64": "a=bc"}, "\"base64\" is not well-formed base64"),
        ("device.write", {"device": "eeprom", "base64": "abc"}, "not well-formed base64"),
        ("device.write", {"device": "eeprom", "hex": "00", "base64": "AA=="}, "device.write wants the bytes as \"hex\" or as \"base64\""),
        ("device.write", {"device": "eeprom"}, "device.write wants the bytes"),
        ("device.write", {"device": "eeprom", "hex": 12}, "device.write wants the bytes"),
        ("device.write", {"device": "eeprom", "offset": 32767, "hex": "0000"}, "offset 32767 + 2 bytes is past the end of the 32768-byte memory"),
        ("device.write", {"device": "flash", "base64": base64.b64encode(bytes(32769)).decode()}, "at most 32768 bytes"),
        ("device.image", {"device": "eeprom"}, "eeprom (24lc256) is not a display (an ssd1306 is)"),
        ("device.image", {"device": "flash"}, "flash (w25q32) is not a display"),
        ("device.image", {}, "\"device\" wants a device's id"),
        ("device", {"device": 7}, "\"device\" wants a device's id"),
    ]
    for cmd, args, msg in bad:
        reply = c.request(cmd, **args)
        assert reply["ok"] is False and msg in reply["error"], (cmd, args, reply)
    assert c.device_read("eeprom", 0, 64) == before
    assert run(r, "print(1)") == "1\r\n"  # the board goes on


def test_display_image(dev, tmp_path):
    b, c, r = dev
    blank = c.image("oled")
    assert len(blank) == 64 and all(row == "0" * 128 for row in blank)
    run(r, "from machine import I2C\n"
           "i2c = I2C()\n"
           "for cmd in (0xae, 0x20, 0x00, 0xa1, 0xc8, 0x21, 0, 127, 0x22, 0, 7, 0xaf):\n"
           "    i2c.writeto(0x3c, bytes((0x80, cmd)))\n"
           "i2c.writeto(0x3c, b'\\x40' + b'\\xff' * 8 + b'\\x01\\x02\\x04\\x08')\n")
    img = c.call("device.image", device="oled")
    rows = img["rows"]
    assert img["width"] == 128 and img["height"] == 64
    for y in range(8):
        assert rows[y][:8] == "11111111", (y, rows[y][:16])
        assert rows[y][8:12] == "".join("1" if y == k else "0" for k in range(4)), (y, rows[y][:16])
        assert rows[y][12:] == "0" * 116
    assert all(row == "0" * 128 for row in rows[8:])
    assert img["pbm"] == "P1\n128 64\n" + "".join(row + "\n" for row in rows)
    reply = c.request("device.set", device="oled", values={"contrast": 1})
    assert reply == {"id": reply["id"], "ok": False,
                     "error": "oled (ssd1306) has no values to set (its state is what the firmware sent it)"}
    # wipyctl: the panel as text, and as a PBM file
    env = dict(os.environ, WIPY_CONTROL_PORT=str(b.control_port))
    p = subprocess.run([sys.executable, WIPYCTL, "image", "oled"], capture_output=True, text=True, env=env, timeout=T)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert len(lines) == 64 and lines[0] == "#########" + "." * 119 and lines[3] == "########...#" + "." * 116
    pbm = tmp_path / "oled.pbm"
    p = subprocess.run([sys.executable, WIPYCTL, "image", "oled", str(pbm)], capture_output=True, text=True, env=env, timeout=T)
    assert p.returncode == 0 and pbm.read_text() == img["pbm"]


def test_adc_channels(dev):
    b, c, r = dev
    c.volts("GP3", 0.7)
    out = run(r, "from machine import ADC\n"
                 "a = ADC()\n"
                 "ch = a.channel(pin='GP3')\n"
                 "print(ch(), a.channel(3)())\n")
    chans = c.adc()
    assert [(x["channel"], x["pin"]) for x in chans] == [(0, "GP2"), (1, "GP3"), (2, "GP4"), (3, "GP5")]
    assert chans[1]["enabled"] is True and chans[1]["volts"] == 0.7 and chans[1]["value"] == 2048
    assert chans[3]["volts"] == 0.7 and chans[3]["value"] == 2048  # the board file's potentiometer
    assert out == "2048 2048\r\n"
    with pytest.raises(ControlError, match="over the 1.8 V a pin in analog mode takes"):
        c.volts("GP3", 2.0)
    assert c.adc()[1]["value"] == 2048


def test_wipyctl_device_forms(dev):
    b, c, r = dev
    env = dict(os.environ, WIPY_CONTROL_PORT=str(b.control_port))

    def ctl(*args):
        p = subprocess.run([sys.executable, WIPYCTL] + list(args), capture_output=True, text=True, env=env, timeout=T)
        return p.returncode, p.stdout, p.stderr

    rc, out, err = ctl("devices")
    assert rc == 0 and len(out.splitlines()) == 5 and '"device": "flash"' in out.splitlines()[4]
    rc, out, err = ctl("device", "imu", "set", "accel_x=0.5", "temp=20")
    assert rc == 0 and '"accel_x": 0.5' in out and '"temp": 20.0' in out
    assert c.device("imu")["values"]["accel_x"] == 0.5
    rc, out, err = ctl("device", "flash", "write", "0x10", "cafe")
    assert rc == 0 and '"length": 2' in out
    rc, out, err = ctl("device", "flash", "read", "0x0f", "4")
    assert (rc, out) == (0, "ffcafeff\n")
    rc, out, err = ctl("device", "imu", "set", "tilt=1")
    assert rc == 1 and err == "wipyctl: imu (mpu9150) has no value 'tilt' (it has: accel_x, accel_y, accel_z, gyro_x, gyro_y, gyro_z, temp)\n"
    rc, out, err = ctl("device", "imu", "set", "accel_x")
    assert rc == 2 and "device set wants KEY=VALUE" in err
    rc, out, err = ctl("adc")
    assert rc == 0 and out.splitlines()[3] == "3 GP5 off 0.700 V 2048"
