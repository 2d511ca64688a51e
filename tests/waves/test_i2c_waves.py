"""I2C on the wires (issue 10 item 9): SCL (GP23) and SDA (GP13, wired to GP16 and GP30 on the rig)
carry every transfer bit by bit at the configured frequency, under the virtual clock: sigrok-cli's
i2c decoder reads writes, reads, readfrom_mem's repeated START, writeto_mem, a NACKed address and
a scan exactly as the firmware sent them and the MPU-9150 model answered (its ACKs and the bytes
Python got back), and every transfer takes its bus time on the board's clock, trace on or off."""
import pytest

from conftest import RIG, edges, level_at, sigrok, vcd_changes

CLASSES = "i2c=start:repeat-start:stop:ack:nack:address-read:address-write:data-read:data-write"


def decode(path):
    texts = sigrok(path, "i2c:scl=GP23:sda=GP13", CLASSES)
    return [x for x in texts if x not in ("Write", "Read")]  # the R/W bit, which sigrok adds


def write(addr, data, acked=None):
    """What a write of data to addr looks like decoded (acked: how many data bytes the device ACKs)."""
    acked = len(data) if acked is None else acked
    out = ["Start", "Address write: %02X" % addr, "ACK"]
    for i, b in enumerate(data):
        out += ["Data write: %02X" % b, "ACK" if i < acked else "NACK"]
    return out


def read(addr, data, restart=False):
    out = ["Start repeat" if restart else "Start", "Address read: %02X" % addr, "ACK"]
    for i, b in enumerate(data):
        out += ["Data read: %02X" % b, "ACK" if i + 1 < len(data) else "NACK"]
    return out + ["Stop"]


@pytest.mark.parametrize("freq", [100000, 400000])
def test_i2c_transfers_decoded(traced, freq):
    traced.run("from machine import I2C\ni2c = I2C(0, I2C.MASTER, baudrate=%d)\n" % freq)
    out, path = traced.trace(
        "i2c.writeto(0x68, b'\\x6b\\x00')\n"           # PWR_MGMT_1 = 0: awake
        "i2c.writeto(0x68, b'\\x3b')\n"                # the register pointer at ACCEL_XOUT_H
        "print(list(i2c.readfrom(0x68, 6)))\n"
        "print(list(i2c.readfrom_mem(0x68, 117, 1)))\n"  # WHO_AM_I, with a repeated START
        "i2c.writeto_mem(0x68, 0x19, b'\\x07\\x01')\n"
        "try:\n    i2c.writeto(0x50, b'\\x01')\nexcept OSError as e:\n    print('OSError', e.args[0])\n")
    lines = out.splitlines()
    assert len(lines) == 3 and lines[1] == "[104]" and lines[2] == "OSError 5", out
    accel = eval(lines[0])
    assert len(accel) == 6
    want = (write(0x68, b"\x6b\x00") + ["Stop"]
            + write(0x68, b"\x3b") + ["Stop"]
            + read(0x68, accel)
            + write(0x68, b"\x75") + read(0x68, [0x68], restart=True)
            + write(0x68, b"\x19\x07\x01") + ["Stop"]
            + ["Start", "Address write: 50", "NACK", "Stop"])
    assert decode(path) == want
    # SCL at the frequency: within a byte, rising edges one period apart
    rises = edges(path, "GP23", 1)
    steps = [b - a for a, b in zip(rises, rises[1:])]
    period = round(1e9 / freq)
    assert steps.count(period) >= len(steps) * 3 // 4, steps[:20]
    assert min(steps) == period
    # SDA is one net: the wired pins show the same waveform
    assert vcd_changes(path, "GP16")[1:] == vcd_changes(path, "GP13")[1:]


def test_scan_decoded(traced):
    """A scan is an address-only write to every address; only the MPU-9150 (0x68) ACKs."""
    traced.run("from machine import I2C\ni2c = I2C()\n")
    out, path = traced.trace("print(i2c.scan())\n")
    assert out == "[104]\n"
    want = []
    for a in range(0x08, 0x78):
        want += ["Start", "Address write: %02X" % a, "ACK" if a == 0x68 else "NACK", "Stop"]
    assert decode(path) == want


def test_i2c_takes_bus_time(traced):
    """readfrom_mem(0x68, 117, 1) is 39 bit periods (START, 4 bytes of 9 bits, repeated START,
    STOP): 390 us at 100 kHz; the clock shows it with the trace off and on (the same but for the
    VM's own time, charged 1024 us at a time)."""
    traced.run("from machine import I2C\ni2c = I2C(freq=100000)\n"
               "def run(n):\n    r = i2c.readfrom_mem\n    t = time.ticks_us()\n"
               "    for _ in range(n):\n        r(0x68, 117, 1)\n    return time.ticks_diff(time.ticks_us(), t)\n")
    one = int(traced.run("print(run(1))\n"))
    assert 390 <= one < 390 + 1100  # the VM's own time comes in steps of 1024 us (256 steps)
    many = int(traced.run("print(run(1000))\n"))
    assert 390000 <= many < 390000 + 100000
    out, path = traced.trace("print(run(1000))\n")
    assert abs(int(out) - many) <= 1024
    # in the trace: 1000 transfers; each from START (SDA falls, SCL high) to STOP (SDA rises, SCL
    # high) is 38.25 periods (START's SDA fall at half a period, STOP's rise at three quarters)
    scl = vcd_changes(path, "GP23")
    assert len(edges(path, "GP23", 1)) == 1000 * (4 * 9 + 1 + 1)
    conditions = [(t, v) for t, v in vcd_changes(path, "GP13")[1:] if level_at(scl, t) == 1]
    starts = [t for t, v in conditions if v == 0]
    stops = [t for t, v in conditions if v == 1]
    assert len(starts) == 2000 and len(stops) == 1000  # a START and a repeated START each
    assert {stop - start for start, stop in zip(starts[::2], stops)} == {382500}


def test_i2c_bus_time_under_the_real_clock(make_session):
    """Under --clock real the board's clock runs ahead of the host by the bus time: 100 reads at
    100 kHz take at least 39 ms of board time (however fast the host is)."""
    s = make_session(["--board", RIG])
    out = s.run("from machine import I2C\nimport time\ni2c = I2C(freq=100000)\nt = time.ticks_us()\n"
                "for _ in range(100):\n    i2c.readfrom_mem(0x68, 117, 1)\n"
                "print(time.ticks_diff(time.ticks_us(), t) >= 39000)\n")
    assert out == "True\n"
