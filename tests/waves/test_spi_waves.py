"""SPI on the wires (issue 10 item 9): CLK (GP14), MOSI (GP16) and MISO (GP30, wired to MOSI on the
rig: what goes out comes back) carry every word at the configured rate, polarity, phase, bit order
and word size, under the virtual clock: sigrok-cli's spi decoder reads on MOSI the words the
firmware sent and on MISO the words it received, in the four modes at 8, 16 and 32 bits, MSB or
LSB first; a chip select on a GPIO (GP22) frames the transfers for the decoder; a transfer takes
its bus time on the board's clock."""
import itertools
import os

import pytest

from conftest import edges, sigrok

MODES = range(4)
DATA = bytes([0x01, 0x82, 0x43, 0xC4, 0x25, 0xA6, 0x67, 0xE8, 0x00, 0xFF, 0x5A, 0x3C])


def words(data, bits):
    """The words a buffer holds (little-endian, as the CC3200 reads them from memory)."""
    n = bits // 8
    return [int.from_bytes(data[i:i + n], "little") for i in range(0, len(data), n)]


def decode(path, line, mode, bits, lsb, cs=None):
    opts = "spi:clk=GP14:%s=%s:cpol=%d:cpha=%d:wordsize=%d:bitorder=%s" % (
        line, "GP16" if line == "mosi" else "GP30", mode >> 1, mode & 1, bits, "lsb-first" if lsb else "msb-first")
    if cs is not None:
        opts += ":cs=%s" % cs
    return [int(x, 16) for x in sigrok(path, opts, "spi=%s-data" % line)]


def test_spi_modes_and_word_sizes(traced):
    traced.run("from machine import SPI\ns = SPI(0, SPI.MASTER, baudrate=2000000)\nr = bytearray(%d)\n" % len(DATA))
    for mode, bits, lsb in itertools.product(MODES, (8, 16, 32), (False, True)):
        traced.run("s.init(SPI.MASTER, baudrate=2000000, bits=%d, polarity=%d, phase=%d, firstbit=%s)\n"
                   % (bits, mode >> 1, mode & 1, "SPI.LSB" if lsb else "SPI.MSB"))
        out, path = traced.trace("s.write_readinto(%r, r)\nprint(bytes(r) == %r)\n" % (DATA, DATA))
        assert out == "True\n", (mode, bits, lsb)
        want = words(DATA, bits)
        assert decode(path, "mosi", mode, bits, lsb) == want, (mode, bits, lsb)
        assert decode(path, "miso", mode, bits, lsb) == want, (mode, bits, lsb)
        # the decode depends on the mode: with the other phase the words come out otherwise
        assert decode(path, "mosi", mode ^ 1, bits, lsb) != want, (mode, bits, lsb)


def test_spi_miso_is_what_came_back(traced):
    """MISO on its own pin (GP15, nothing wired): the decoder reads the idle level the firmware read."""
    traced.run("from machine import SPI\ns = SPI(0, SPI.MASTER, baudrate=1000000, pins=('GP14', 'GP16', 'GP15'))\n")
    traced.c.drive("GP15", 0)
    out, path = traced.trace("print(list(s.read(3, write=0xa5)))\n")
    assert out == "[0, 0, 0]\n"
    assert sigrok(path, "spi:clk=GP14:mosi=GP16:miso=GP15", "spi=mosi-data") == ["A5"] * 3
    assert sigrok(path, "spi:clk=GP14:mosi=GP16:miso=GP15", "spi=miso-data") == ["00"] * 3
    traced.c.drive("GP15", 1)
    out, path = traced.trace("print(list(s.read(2, write=0)))\n")
    assert out == "[255, 255]\n"
    assert sigrok(path, "spi:clk=GP14:mosi=GP16:miso=GP15", "spi=miso-data") == ["FF"] * 2
    traced.c.release("GP15")


def test_spi_chip_select(traced):
    """A GPIO as chip select frames the transfers: the decoder with cs= sees only the words sent
    while it was low."""
    traced.run("from machine import SPI, Pin\ns = SPI(0, SPI.MASTER, baudrate=1000000)\n"
               "cs = Pin('GP22', Pin.OUT, value=1)\n")
    out, path = traced.trace("cs(0)\ns.write(b'\\x9f\\x01')\ncs(1)\ns.write(b'\\x77')\n"
                             "cs(0)\ns.write(b'\\xab')\ncs(1)\n")
    assert out == ""
    assert decode(path, "mosi", 0, 8, False, cs="GP22") == [0x9F, 0x01, 0xAB]
    assert decode(path, "mosi", 0, 8, False) == [0x9F, 0x01, 0x77, 0xAB]


@pytest.mark.parametrize("baud", [1000000, 5000000])
def test_spi_takes_bus_time(traced, baud):
    """n bytes take n * 8 clock periods, with the trace off and on; the clock runs at the rate."""
    traced.run("from machine import SPI\ns = SPI(0, SPI.MASTER, baudrate=%d)\nb = bytes(1000)\n"
               "def run():\n    t = time.ticks_us()\n    s.write(b)\n    return time.ticks_diff(time.ticks_us(), t)\n"
               % baud)
    bus_us = 8000 * 10**6 // baud
    off = int(traced.run("print(run())\n"))
    assert bus_us <= off < bus_us + 1100
    out, path = traced.trace("print(run())\n")
    assert abs(int(out) - off) <= 1024
    rises = edges(path, "GP14", 1)
    assert len(rises) == 8000
    assert {b - a for a, b in zip(rises, rises[1:])} == {round(1e9 / baud)}


def test_spi_flash_answers_on_miso(make_session, tmp_path):
    """The W25Q32 of boards/devices.json (CS on GP17) answers on MISO: its JEDEC id and the bytes a
    read command returns (programmed before) are on the wire as the firmware received them."""
    from conftest import ROOT, Traced
    t = Traced(make_session(["--board", os.path.join(ROOT, "boards", "devices.json"), "--clock", "virtual",
                             "--control", "127.0.0.1:0"]), tmp_path)
    t.run("from machine import SPI, Pin\ncs = Pin('GP17', Pin.OUT, value=1)\n"
          "s = SPI(0, SPI.MASTER, baudrate=4000000, pins=('GP14', 'GP16', 'GP15'))\n"
          "def cmd(out, n):\n    cs(0)\n    s.write(out)\n    r = s.read(n, write=0)\n    cs(1)\n    return list(r)\n"
          "cmd(b'\\x06', 0)\ncmd(b'\\x02\\x00\\x00\\x00WiPy', 0)\n"
          "while cmd(b'\\x05', 1)[0] & 1:\n    pass\n")
    out, path = t.trace("print(cmd(b'\\x9f', 3))\nprint(cmd(b'\\x03\\x00\\x00\\x00', 4))\n")
    jedec, data = [eval(line) for line in out.splitlines()]
    assert jedec[0] == 0xEF  # Winbond
    miso = decode_line(path, "miso", "GP15", "GP17")
    mosi = decode_line(path, "mosi", "GP15", "GP17")
    assert mosi == [0x9F, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0, 0]
    assert data == list(b"WiPy")
    assert miso[1:4] == jedec and miso[8:12] == data
    t.c.close()


def decode_line(path, line, miso, cs):
    opts = "spi:clk=GP14:mosi=GP16:miso=%s:cs=%s" % (miso, cs)
    return [int(x, 16) for x in sigrok(path, opts, "spi=%s-data" % line)]
