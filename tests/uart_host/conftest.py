"""Harness of the UART host-exposure suite (issue 10): the shared board harness (tests/harness.py:
boards on free loopback ports and temporary state directories, raw-REPL sessions over telnet),
plus the lines a board prints for its exposed UARTs and a raw client of a pty opened with
os.open + termios."""
import os
import re
import termios

import harness  # noqa: F401  (the tests use harness.Telnet, harness.friendly_exec, ...)
from harness import CONTROL_LINE, SCALE, T, PolledStream, Session, make_board, make_session  # noqa: F401

PTY_LINE = re.compile(rb"UART(\d) on (/dev/pts/\d+) \(pty\)\r\n")
TCP_LINE = re.compile(rb"UART(\d) on ([0-9.]+):(\d+) \(tcp\)\r\n")
PYBOARD = "/work/mp/tools/pyboard.py"


def exposures(board):
    """{id: "/dev/pts/N" or ("ADDR", port)} from the lines printed before the telnet line."""
    text = board.before_telnet_line
    found = {int(m.group(1)): m.group(2).decode() for m in PTY_LINE.finditer(text)}
    found.update({int(m.group(1)): (m.group(2).decode(), int(m.group(3))) for m in TCP_LINE.finditer(text)})
    return found


class PtyClient(PolledStream):
    """A serial tool without pyserial: the pty opened with os.open, made raw with termios (as any
    terminal program does), read in the caller's thread with bounded waits (no thread is left
    reading a descriptor number after close)."""
    GONE = OSError

    def __init__(self, path):
        super().__init__("pty %s" % path)
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        self.attrs_at_open = termios.tcgetattr(fd)
        t = termios.tcgetattr(fd)
        t[0] = 0                          # iflag: no CR/NL mapping, no flow control
        t[1] = 0                          # oflag: no output processing
        t[2] = termios.CS8 | termios.CREAD | termios.CLOCAL
        t[3] = 0                          # lflag: no echo, no line editing, no signals
        t[4] = t[5] = termios.B115200     # the speed a serial tool asks for (a pty ignores it)
        t[6][termios.VMIN] = 1
        t[6][termios.VTIME] = 0
        termios.tcsetattr(fd, termios.TCSANOW, t)
        self.fd = fd

    def _source(self):
        return self.fd

    def _recv(self):
        return os.read(self.fd, 65536)

    def write(self, data):
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
