"""Harness of the FTP suite (spec §11, §12): the shared board harness (tests/harness.py; all its
names and fixtures are this suite's too), plus a raw FTP command client that records the exact
reply bytes, with bounded waits everywhere."""
import re
import socket

import harness
from harness import *  # noqa: F401,F403  (Board, Telnet, friendly_exec, T, the fixtures, ...)
from harness import T, SocketStream


class Ftp(SocketStream):
    """A raw FTP command connection: send lines, read replies byte for byte."""

    def __init__(self, port, host="127.0.0.1"):
        super().__init__("ftp:%d" % port, socket.create_connection((host, port), timeout=T))

    def reply(self, timeout=None):
        """One whole reply (multi-line ones included), as bytes."""
        first = self.read_until(b"\r\n", timeout)
        if first[3:4] == b"-":
            rest = self.read_regex(re.compile(rb"(?:.*\r\n)*?" + re.escape(first[:3]) + rb" .*\r\n"), timeout)
            return first + rest.group(0)
        return first

    def cmd(self, line, timeout=None):
        if isinstance(line, str):
            line = line.encode()
        self.sock.sendall(line + b"\r\n")
        return self.reply(timeout)

    def login(self, user=b"micro", password=b"python"):
        assert self.reply() == b"220 MicroPython FTP Server\r\n"
        assert self.cmd(b"USER " + user) == b"331 User name okay, need password.\r\n"
        assert self.cmd(b"PASS " + password) == b"230 User logged in.\r\n"
        return self

    def pasv(self):
        r = self.cmd("PASV")
        m = re.match(rb"227 Entering Passive Mode \((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)\r\n", r)
        assert m, r
        port = int(m.group(5)) * 256 + int(m.group(6))
        return socket.create_connection((".".join(x.decode() for x in m.groups()[:4]), port), timeout=T)


def recv_all(sock):
    chunks = []
    while True:
        d = sock.recv(65536)
        if not d:
            break
        chunks.append(d)
    sock.close()
    return b"".join(chunks)
