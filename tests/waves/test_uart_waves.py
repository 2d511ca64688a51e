"""UART frames in the trace (issue 10 item 9): UART0 and UART1 talk over the rig's wires
(GP12 TX -> GP17 RX, GP16 TX -> GP13 RX) at several framings and rates under the virtual clock;
sigrok-cli's uart decoder reads from the VCD exactly the bytes each side sent (and the other
received), with good parity and no framing warnings, and each frame starts one frame time after
the previous one (start bit, data LSB first, parity, stop bits at the baud rate)."""
import pytest

from conftest import edges, level_at, sigrok, vcd_changes

PARITY = {None: "none", 0: "even", 1: "odd"}
FRAMINGS = [(9600, 8, None, 1), (115200, 8, None, 1), (19200, 7, 0, 2), (57600, 8, 1, 1), (250000, 6, 1, 2),
            (1000000, 5, None, 1)]
A_SENDS = bytes([0x48, 0x65, 0x00, 0xFF, 0x55, 0xAA, 0x0F])
B_SENDS = bytes([0x6F, 0x6B, 0x81])


def frame_ns(baud, bits, parity, stop):
    n = 1 + bits + (parity is not None) + stop
    return (n * 10**9 + baud - 1) // baud


def decode(path, rx, baud, bits, parity):
    opts = "uart:rx=%s:baudrate=%d:data_bits=%d:parity=%s:stop_bits=1.0" % (rx, baud, bits, PARITY[parity])
    texts = sigrok(path, opts, "uart=rx-data:rx-parity-ok:rx-parity-err:rx-warnings")
    return [x for x in texts if x not in ("Start bit", "Stop bit")]  # sigrok adds the row's other classes


def expected(data, bits, parity):
    out = []
    for b in data:
        out.append("%02X" % (b & ((1 << bits) - 1)))
        if parity is not None:
            out.append("Parity bit")
    return out


@pytest.mark.parametrize("baud,bits,parity,stop", FRAMINGS)
def test_uart_framings_decoded(traced, baud, bits, parity, stop):
    framing = "%d, %d, %r, %d" % (baud, bits, parity, stop)
    traced.run("from machine import UART\nimport os\nos.dupterm(None)\n"
               "a = UART(0, %s, pins=('GP12', 'GP13'))\n"
               "b = UART(1, %s, pins=('GP16', 'GP17'))\n" % (framing, framing))
    out, path = traced.trace("a.write(%r)\nb.write(%r)\n" % (A_SENDS, B_SENDS))
    assert out == ""
    got = traced.run("print(b.read(), a.read())\n")
    mask = (1 << bits) - 1
    assert got == "%r %r\n" % (bytes(x & mask for x in A_SENDS), bytes(x & mask for x in B_SENDS))
    assert decode(path, "GP17", baud, bits, parity) == expected(A_SENDS, bits, parity)
    assert decode(path, "GP12", baud, bits, parity) == expected(A_SENDS, bits, parity)  # the same net
    assert decode(path, "GP13", baud, bits, parity) == expected(B_SENDS, bits, parity)
    # frames back to back: start bit i at t0 + i * frame time, the stop bit just before it
    f = frame_ns(baud, bits, parity, stop)
    ch = vcd_changes(path, "GP12")
    t0 = edges(path, "GP12", 0)[0]
    for i in range(len(A_SENDS)):
        assert level_at(ch, t0 + i * f) == 0
        assert level_at(ch, t0 + i * f + f // 2 // (1 + bits + (parity is not None) + stop)) == 0  # mid start bit
        assert level_at(ch, t0 + i * f - 1) == 1
    assert level_at(ch, t0 + len(A_SENDS) * f) == 1  # idle after the last frame
    assert all(t >= t0 + len(A_SENDS) * f for t in edges(path, "GP16", 0))  # B sent after A was done


def test_wrong_rate_or_parity_shows(traced):
    """The decode depends on the framing: at another baud rate the bytes differ, with the other
    parity every parity bit is an error."""
    traced.run("from machine import UART\nimport os\nos.dupterm(None)\n"
               "a = UART(0, 19200, 8, 0, 1, pins=('GP12', 'GP13'))\n"
               "b = UART(1, 19200, 8, 0, 1, pins=('GP16', 'GP17'))\n")
    _, path = traced.trace("a.write(b'Hi!')\n")
    assert decode(path, "GP17", 19200, 8, 0) == ["48", "Parity bit", "69", "Parity bit", "21", "Parity bit"]
    assert decode(path, "GP17", 19200, 8, 1) == ["48", "Parity error", "69", "Parity error", "21", "Parity error"]
    assert [x for x in decode(path, "GP17", 38400, 8, None) if len(x) == 2] != ["48", "69", "21"]


def test_uart_write_takes_the_wire_time(traced):
    """1 KB at 115200 8N1: 1024 frames of 10 bits, the same with the trace on or off (but for the
    VM's own time, charged 1024 us at a time)."""
    traced.run("from machine import UART\nimport os\nos.dupterm(None)\n"
               "a = UART(0, 115200, pins=('GP12', 'GP13'))\nb = UART(1, 115200, pins=('GP16', 'GP17'))\n"
               "def run():\n    t = time.ticks_us()\n    a.write(bytes(1024))\n"
               "    d = time.ticks_diff(time.ticks_us(), t)\n    b.read()\n    return d\n")
    off = int(traced.run("print(run())\n"))
    out, path = traced.trace("print(run())\n")
    on = int(out)
    assert 1024 * frame_ns(115200, 8, None, 1) // 1000 <= off < 1024 * frame_ns(115200, 8, None, 1) // 1000 + 2000
    assert abs(on - off) <= 1024
    assert len(edges(path, "GP17", 0)) == 1024  # every frame's start bit (the data is 0: one fall each)
