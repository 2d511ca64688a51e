"""SPI devices (issue 10 item 3): a W25Q32 NOR flash in the board file's "spi" section, selected
by a GPIO the firmware drives as CS, checked against the Winbond datasheet from Python on the
board (JEDEC/manufacturer/unique ids, read and fast read, WEL, page program with page wrap and
1->0 only, sector erase, BUSY for the typical times under the virtual clock, status write and
block protect, power-down, reset, LSB-first mirroring, an unfinished command doing nothing), the
array kept in STATE/spi-<id>.bin across a power cycle (bad "spi" sections: tests/hw/
test_boardfile.py)."""
import json

import pytest

BOARD = {
    "version": 1,
    "parts": [{"type": "wipy", "id": "wipy"}],
    "connections": [],
    "spi": [{"type": "w25q32", "cs": "GP17", "id": "flash"}],
}

DRIVER = ("from machine import SPI, Pin\n"
          "import time\n"
          "cs = Pin('GP17', Pin.OUT, value=1)\n"
          "spi = SPI(0, SPI.MASTER, baudrate=20000000)\n"
          "def cmd(w, n=0):\n"
          "    cs(0)\n"
          "    spi.write(w)\n"
          "    r = spi.read(n) if n else b''\n"
          "    cs(1)\n"
          "    return r\n"
          "def sr():\n"
          "    return cmd(b'\\x05', 1)[0]\n"
          "def wait():\n"
          "    t0 = time.ticks_us()\n"
          "    while sr() & 1:\n"
          "        pass\n"
          "    return time.ticks_diff(time.ticks_us(), t0)\n"
          "def rd(a, n):\n"
          "    return cmd(bytes((3, a >> 16, (a >> 8) & 255, a & 255)), n)\n"
          "def prog(a, data):\n"
          "    cmd(b'\\x06')\n"
          "    cmd(bytes((2, a >> 16, (a >> 8) & 255, a & 255)) + data)\n"
          "    return wait()\n")


@pytest.fixture
def board_file(tmp_path):
    path = tmp_path / "flash.json"
    path.write_text(json.dumps(BOARD))
    return path


def test_flash_datasheet(make_session, board_file):
    s = make_session(["--board", str(board_file), "--clock", "virtual"])
    out = s.run(DRIVER +
                "print(cmd(b'\\x9f', 3), cmd(b'\\x90\\x00\\x00\\x00', 4), cmd(b'\\x90\\x00\\x00\\x01', 2))\n"
                "print(cmd(b'\\xab\\x00\\x00\\x00', 2), cmd(b'\\x4b\\x00\\x00\\x00\\x00', 8) == cmd(b'\\x4b\\x00\\x00\\x00\\x00', 8))\n"
                "print(hex(sr()), rd(0x100, 4), rd(0x3ffffe, 4))\n"
                "cmd(b'\\x02\\x00\\x01\\x00hello')\n"
                "print('no WEL', hex(sr()), rd(0x100, 5))\n"
                "cmd(b'\\x06')\n"
                "print('WEL', hex(sr()))\n"
                "cmd(b'\\x04')\n"
                "print('WRDI', hex(sr()))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x02\\x00\\x01\\xfeABCD')\n"
                "t0 = time.ticks_us()\n"
                "s1 = sr()\n"
                "r1 = rd(0x100, 2)\n"
                "while sr() & 1:\n"
                "    pass\n"
                "us = time.ticks_diff(time.ticks_us(), t0)\n"
                "print('busy', hex(s1), r1)\n"
                "print(400 <= us <= 2500, hex(sr()), rd(0x1fe, 2), rd(0x100, 3))\n"
                "prog(0x100, b'\\xf0\\x0f')\n"
                "print('and', rd(0x100, 2))\n"
                "print(cmd(b'\\x0b\\x00\\x01\\x00\\x00', 3))\n"
                "prog(0x1ff0, b'edge')\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x20\\x00\\x10')\n"
                "print('short erase', hex(sr()), rd(0x1ff0, 4))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x20\\x00\\x01\\x23')\n"
                "ms = wait() // 1000\n"
                "print('erase', 44 <= ms <= 47, rd(0x100, 2), rd(0xffe, 4), rd(0x1ff0, 4))\n")
    assert out == ("b'\\xef@\\x16' b'\\xef\\x15\\xef\\x15' b'\\x15\\xef'\n"
                   "b'\\x15\\x15' True\n"
                   "0x0 b'\\xff\\xff\\xff\\xff' b'\\xff\\xff\\xff\\xff'\n"
                   "no WEL 0x0 b'\\xff\\xff\\xff\\xff\\xff'\n"
                   "WEL 0x2\n"
                   "WRDI 0x0\n"
                   "busy 0x3 b'\\xff\\xff'\n"
                   "True 0x0 b'AB' b'CD\\xff'\n"
                   "and b'@\\x04'\n"
                   "b'@\\x04\\xff'\n"
                   "short erase 0x2 b'edge'\n"
                   "erase True b'\\xff\\xff' b'\\xff\\xff\\xff\\xff' b'edge'\n")


def test_flash_protect_powerdown_reset_lsb(make_session, board_file):
    s = make_session(["--board", str(board_file), "--clock", "virtual"])
    out = s.run(DRIVER +
                "cmd(b'\\x01\\x04')\n"
                "print('no WEL', hex(sr()))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x01\\x04')\n"
                "ms = wait() // 1000\n"
                "print('BP0', hex(sr()), 9 <= ms <= 11)\n"
                "prog(0x3f0000, b'top')\n"
                "prog(0x3effff, b'below')\n"
                "print(rd(0x3f0000, 3), rd(0x3effff, 2))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\xc7')\n"
                "print('chip erase refused', hex(sr()))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x01\\x24')\n"
                "wait()\n"
                "prog(0, b'bottom')\n"
                "print('TB', rd(0, 3))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x01\\x00')\n"
                "wait()\n"
                "cmd(b'\\xb9')\n"
                "print('down', cmd(b'\\x9f', 3), rd(0x3effff, 2))\n"
                "cmd(b'\\xab')\n"
                "print('up', cmd(b'\\x9f', 3))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\x99')\n"
                "print('99 alone', hex(sr()))\n"
                "cmd(b'\\x66')\n"
                "cmd(b'\\x99')\n"
                "print('reset', hex(sr()), rd(0x3effff, 2))\n"
                "spi.init(firstbit=SPI.LSB)\n"
                "print('lsb', cmd(b'\\x9f', 3), cmd(b'\\xf9', 3))\n"
                "spi.init(firstbit=SPI.MSB)\n"
                "cs(1)\n"
                "print('deselected', spi.read(3, write=0x9f))\n"
                "cmd(b'\\x06')\n"
                "cmd(b'\\xc7')\n"
                "t0 = time.ticks_ms()\n"
                "wait()\n"
                "print('chip erase', time.ticks_diff(time.ticks_ms(), t0) // 1000, rd(0x3effff, 2))\n")
    assert out == ("no WEL 0x0\n"
                   "BP0 0x4 True\n"
                   "b'\\xff\\xff\\xff' b'b\\xff'\n"
                   "chip erase refused 0x6\n"
                   "TB b'\\xff\\xff\\xff'\n"
                   "down b'\\xff\\xff\\xff' b'\\xff\\xff'\n"
                   "up b'\\xef@\\x16'\n"
                   "99 alone 0x2\n"
                   "reset 0x0 b'b\\xff'\n"
                   "lsb b'\\xff\\xff\\xff' b'\\xf7\\x02h'\n"
                   "deselected b'\\x00\\x00\\x00'\n"
                   "chip erase 10 b'\\xff\\xff'\n")


def test_flash_kept_across_power_cycle(make_session, board_file, tmp_path):
    state = tmp_path / "st"
    s = make_session(["--board", str(board_file), "--clock", "virtual"], state=state)
    assert s.run(DRIVER + "prog(0x123456, b'persist')\nprint(rd(0x123456, 7))\n") == "b'persist'\n"
    with open(state / "spi-flash.bin", "rb") as f:
        cells = f.read()
    assert len(cells) == 4 << 20 and cells[0x123456:0x12345d] == b"persist"
    assert cells.count(b"\xff") == len(cells) - 7
    s.board.kill()
    s = make_session(["--board", str(board_file), "--clock", "virtual"], state=state)
    assert s.run(DRIVER + "print(rd(0x123450, 14))\n") == "b'\\xff\\xff\\xff\\xff\\xff\\xffpersist\\xff'\n"
