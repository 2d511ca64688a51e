"""machine.UART over the rig's wires (GP12-GP17, GP13-GP16) under the virtual clock: UART0 to UART1
and back at several framings, framing mismatches giving the garbage a receiver would read, the
time a write takes on the wire (1 KB at 115200 baud: 88.9 ms), the 256-byte receive ring, RX_ANY
irqs, pins (ids from pins, defaults, release), argument errors, ENODEV and EPERM."""
import pytest

SETUP = ("from machine import UART, Pin\nimport os, time\nos.dupterm(None)\n"
         "def t(f):\n"
         "    try:\n"
         "        f()\n"
         "    except Exception as e:\n"
         "        print(type(e).__name__, e)\n")


@pytest.mark.parametrize("baud,bits,parity,stop", [
    (9600, 8, None, 1), (115200, 8, None, 1), (115200, 7, 0, 1), (57600, 8, 1, 2), (1000000, 5, None, 1),
])
def test_wire_framings(rig, baud, bits, parity, stop):
    out = rig.run(SETUP +
                  "a = UART(0, %d, %d, %r, %d, pins=('GP12', 'GP13'))\n"
                  "b = UART(1, %d, %d, %r, %d, pins=('GP16', 'GP17'))\n"
                  "data = bytes(range(0, 256, 7))\n"
                  "mask = (1 << %d) - 1\n"
                  "print(a.write(data), b.read() == bytes(x & mask for x in data))\n"
                  "print(b.write(b'back'), a.read() == bytes(x & mask for x in b'back'))\n"
                  % (baud, bits, parity, stop, baud, bits, parity, stop, bits))
    assert out == "37 True\n4 True\n"


def test_framing_mismatch_gives_garbage(rig):
    out = rig.run(SETUP +
                  "a = UART(0, 9600, pins=('GP12', 'GP13'))\n"
                  "b = UART(1, 19200, pins=('GP16', 'GP17'))\n"
                  "a.write(b'U')\n"
                  "print(b.read())\n"
                  "b.init(4800, pins=('GP16', 'GP17'))\n"
                  "a.write(b'\\x0f')\n"
                  "print(b.read())\n"
                  "b.init(9600, bits=7, pins=('GP16', 'GP17'))\n"
                  "a.write(b'\\xc1')\n"
                  "print(b.read())\n")
    # 'U' (0x55) at 9600 read at 19200: each bit sampled twice, the frame seen as two (0x66, 0xe6);
    # 0x0f at 9600 read at 4800: the start bit's middle falls on a 1 (a false start), the next
    # falling edge starts a frame: 0xfe; 0xc1 read with 7 data bits: bit 7 lost
    assert out == "b'f\\xe6'\nb'\\xfe'\nb'A'\n"


def test_write_takes_the_wire_time(rig):
    out = rig.run(SETUP +
                  "a = UART(0, 115200, pins=('GP12', 'GP13'))\n"
                  "b = UART(1, 115200, pins=('GP16', 'GP17'))\n"
                  "t0 = time.ticks_us()\n"
                  "a.write(bytes(1024))\n"
                  "print(time.ticks_diff(time.ticks_us(), t0) // 100, b.any())\n"
                  "print(len(b.read()), b.read())\n")
    # 1024 frames of 10 bits at 115200 baud (86.806 us each): 88.89 ms; the ring keeps 256 bytes
    assert out == "888 256\n256 None\n"


def test_rx_irq(rig):
    out = rig.run(SETUP +
                  "a = UART(0, 1000000, pins=('GP12', 'GP13'))\n"
                  "b = UART(1, 1000000, pins=('GP16', 'GP17'))\n"
                  "n = [0]\n"
                  "def h(u):\n"
                  "    n[0] += 1\n"
                  "irq = b.irq(trigger=UART.RX_ANY, handler=h)\n"
                  "a.write(b'abc')\n"
                  "print(n[0] > 0, irq.flags(), b.read())\n"
                  "irq.disable()\n"
                  "n[0] = 0\n"
                  "a.write(b'de')\n"
                  "print(n[0], irq.flags(), b.read())\n"
                  "t(lambda: b.irq(trigger=0))\n"
                  "t(lambda: b.irq(trigger=UART.RX_ANY, wake=4))\n")
    assert out == ("True 0 b'abc'\n"
                   "0 0 b'de'\n"
                   "ValueError invalid argument(s) value: trigger\n"
                   "ValueError invalid argument(s) value: wake\n")


def test_pins_and_errors(rig):
    out = rig.run(SETUP +
                  "print(UART(pins=(None, 'GP17')))\n"
                  "print(UART(baudrate=57600, pins=('GP16', 'GP17')))\n"
                  "print(UART())\n"
                  "print(Pin.board.GP1)\n"
                  "u = UART(0, 9600, pins=('GP12', 'GP13'))\n"
                  "print(Pin.board.GP1)\n"
                  "u.init(9600, pins=(None, None))\n"
                  "print(Pin.board.GP12)\n"
                  "t(lambda: UART(2))\n"
                  "t(lambda: UART(0, 9600, pins=('GP12', 'GP13', 'GP7')))\n"
                  "t(lambda: UART(0, 9600, pins=('GP12', 'GP7')))\n"
                  "t(lambda: UART(0, 9600, pins=(None, None, 'GP7', None)))\n"
                  "t(lambda: UART(pins=('GP5', None)))\n"
                  "t(lambda: UART(0, 0))\n"
                  "t(lambda: UART(0, 9600, bits=9))\n"
                  "t(lambda: UART(0, 9600, stop=3))\n"
                  "u.deinit()\n"
                  "print(u)\n"
                  "for f in (u.any, u.read, lambda: u.write(b'x'), u.sendbreak, lambda: u.irq()):\n"
                  "    t(f)\n")
    assert out == ("UART(1, baudrate=9600, bits=8, parity=None, stop=1)\n"
                   "UART(1, baudrate=57600, bits=8, parity=None, stop=1)\n"
                   "UART(0, baudrate=9600, bits=8, parity=None, stop=1)\n"
                   "Pin('GP1', mode=Pin.ALT, pull=Pin.PULL_UP, drive=Pin.MED_POWER, alt=3)\n"
                   "Pin('GP1', mode=Pin.IN, pull=None, drive=Pin.MED_POWER, alt=-1)\n"
                   "Pin('GP12', mode=Pin.IN, pull=None, drive=Pin.MED_POWER, alt=-1)\n"
                   "OSError [Errno 19] ENODEV\n"
                   + "ValueError invalid argument(s) value\n" * 4 +
                   "ValueError invalid baudrate\n"
                   + "ValueError invalid argument(s) value\n" * 2 +
                   "UART(0)\n"
                   + "OSError [Errno 1] EPERM\n" * 5)
