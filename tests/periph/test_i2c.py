"""machine.I2C against the simulated bus (spec §5 I2C): the rig's MPU-9150, argument errors
(ValueError), bad id (ENODEV), nobody answering (EIO), use after deinit (EPERM), board files with
every device type, and the 24LC256's cells surviving a power cycle in the state directory (bad
"i2c" sections: tests/hw/test_boardfile.py)."""
import json


def test_rig_mpu9150(rig):
    out = rig.run("from machine import I2C\n"
                  "i2c = I2C()\n"
                  "print(i2c, i2c.scan())\n"
                  "print(i2c.readfrom_mem(0x68, 117, 1), i2c.readfrom_mem(0x68, 107, 2))\n"
                  "i2c.writeto_mem(0x68, 107, b'\\x00')\n"
                  "d = i2c.readfrom_mem(0x68, 59, 6)\n"
                  "print([(d[i] << 8 | d[i + 1]) for i in (0, 2, 4)])\n"
                  "print(i2c.writeto(0x68, b'\\x75', stop=False), i2c.readfrom(0x68, 1))\n"
                  "buf = bytearray(2)\n"
                  "print(i2c.readfrom_mem_into(0x68, 116, buf), buf)\n"
                  "print(i2c.writeto_mem(0x68, 0x6b, b'\\x80'), i2c.readfrom_mem(0x68, 0x6b, 1))\n")
    assert out == ("I2C(0, I2C.MASTER, baudrate=100000) [104]\n"
                   "b'h' b'@\\x00'\n"
                   "[0, 0, 16384]\n"
                   "1 b'h'\n"
                   "2 bytearray(b'\\x00h')\n"
                   "1 b'@'\n")


def test_errors(rig):
    out = rig.run("from machine import I2C\n"
                  "def t(f):\n"
                  "    try:\n"
                  "        f()\n"
                  "    except Exception as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "i2c = I2C(freq=400000, scl='GP23', sda='GP13')\n"
                  "print(i2c)\n"
                  "t(lambda: I2C(1))\n"
                  "t(lambda: I2C(0, mode=1))\n"
                  "t(lambda: I2C(scl='GP13'))\n"
                  "t(lambda: I2C(sda='GP23'))\n"
                  "t(lambda: I2C(scl='GP99'))\n"
                  "t(lambda: I2C(pins=('GP13',)))\n"
                  "t(lambda: I2C(freq=0))\n"
                  "t(lambda: I2C(freq=100000, baudrate=100000))\n"
                  "i2c = I2C(freq=10)\n"
                  "print(i2c)\n"
                  "t(lambda: i2c.readfrom(0x50, 1))\n"
                  "t(lambda: i2c.writeto(0x50, b'x'))\n"
                  "t(lambda: i2c.readfrom_mem(0x68, 1, 1, addrsize=12))\n"
                  "t(lambda: i2c.readfrom(0x80, 1))\n"
                  "t(lambda: i2c.readfrom(0x68, -1))\n"
                  "i2c.deinit()\n"
                  "print(i2c)\n"
                  "t(lambda: i2c.scan())\n"
                  "t(lambda: i2c.readfrom_mem(0x68, 117, 1))\n"
                  "i2c.init(baudrate=1000000, pins=('GP15', 'GP10'))\n"
                  "print(i2c, i2c.scan())\n")
    assert out == ("I2C(0, I2C.MASTER, baudrate=400000)\n"
                   "OSError [Errno 19] ENODEV\n"
                   "ValueError invalid I2C mode\n"
                   "ValueError invalid SCL pin\n"
                   "ValueError invalid SDA pin\n"
                   "ValueError invalid pin name: the WiPy's pins are GP0..GP17, GP22..GP25, GP28, GP30, GP31\n"
                   "ValueError pins must be (SDA, SCL)\n"
                   "ValueError invalid baudrate\n"
                   "ValueError give freq or baudrate, not both\n"
                   "I2C(0, I2C.MASTER, baudrate=50000)\n"
                   "OSError [Errno 5] EIO\n"
                   "OSError [Errno 5] EIO\n"
                   "ValueError addrsize must be 8, 16, 24 or 32\n"
                   "ValueError invalid I2C address\n"
                   "ValueError negative length\n"
                   "I2C(0)\n"
                   "OSError [Errno 1] EPERM\n"
                   "OSError [Errno 1] EPERM\n"
                   "I2C(0, I2C.MASTER, baudrate=400000) [104]\n")


ALL = {
    "version": 1,
    "parts": [{"type": "wipy", "id": "wipy"}],
    "connections": [],
    "i2c": [
        {"type": "mpu6050", "id": "imu", "address": "0x69"},
        {"type": "24lc256", "id": "ee"},
        {"type": "bme280", "id": "env", "address": 118},
        {"type": "ssd1306", "id": "oled"},
        {"type": "mpu9150", "id": "far", "address": "0x68", "scl": "GP10", "sda": "GP11"},
    ],
}


def test_every_device_and_eeprom_power_cycle(make_session, tmp_path):
    path = tmp_path / "all.json"
    path.write_text(json.dumps(ALL))
    state = tmp_path / "st"
    s = make_session(["--board", str(path), "--clock", "virtual"], state=state)
    out = s.run("from machine import I2C\n"
                "import time\n"
                "i2c = I2C()\n"
                "print(i2c.scan())\n"
                "print(i2c.readfrom_mem(0x69, 117, 1), i2c.readfrom_mem(0x76, 0xd0, 1), i2c.readfrom(0x3c, 1))\n"
                "print(i2c.writeto_mem(0x50, 0x1234, b'hello page', addrsize=16))\n"
                "try:\n"
                "    i2c.readfrom_mem(0x50, 0x1234, 10, addrsize=16)\n"
                "except OSError as e:\n"
                "    print('busy', e)\n"
                "time.sleep_ms(5)\n"
                "print(i2c.readfrom_mem(0x50, 0x1234, 10, addrsize=16))\n"
                "i2c.init(pins=('GP11', 'GP10'))\n"
                "print(i2c.scan())\n")
    assert out == ("[60, 80, 105, 118]\n"
                   "b'h' b'`' b'@'\n"
                   "10\n"
                   "busy [Errno 5] EIO\n"
                   "b'hello page'\n"
                   "[60, 80, 104, 105, 118]\n")
    with open(state / "i2c-ee.bin", "rb") as f:
        cells = f.read()
    assert len(cells) == 32768 and cells[0x1234:0x123e] == b"hello page" and cells[0] == 0xff
    s.board.kill()
    s = make_session(["--board", str(path), "--clock", "virtual"], state=state)  # power on again
    out = s.run("from machine import I2C\n"
                "print(I2C().readfrom_mem(0x50, 0x1230, 16, addrsize=16))\n")
    assert out == "b'\\xff\\xff\\xff\\xffhello page\\xff\\xff'\n"
