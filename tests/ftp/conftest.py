"""Harness of the FTP suite (spec §11, §12): the board-mode harness of tests/board (Board, Telnet,
friendly_exec, make_board) loaded from its file, plus a raw FTP command client that records the
exact reply bytes, with bounded waits everywhere."""
import importlib.util
import os
import re
import socket
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("board_harness", os.path.join(HERE, "..", "board", "conftest.py"))
harness = importlib.util.module_from_spec(_spec)
sys.modules["board_harness"] = harness
_spec.loader.exec_module(harness)

# everything of the board harness (its fixtures and summary hook included) is this suite's too
for _name in dir(harness):
    if not _name.startswith("__"):
        globals()[_name] = getattr(harness, _name)


class Ftp(Stream):
    """A raw FTP command connection: send lines, read replies byte for byte."""

    def __init__(self, port, host="127.0.0.1"):
        super().__init__("ftp:%d" % port)
        self.sock = socket.create_connection((host, port), timeout=T)
        self.raw = bytearray()

    def _fill(self, timeout):
        import select
        if self.eof:
            return
        r, _, _ = select.select([self.sock], [], [], max(0, timeout))
        if not r:
            return
        try:
            d = self.sock.recv(65536)
        except (ConnectionResetError, ConnectionAbortedError):
            d = b""
        if not d:
            self.eof = True
            return
        self.raw += d
        self.buf += d

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

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def recv_all(sock):
    chunks = []
    while True:
        d = sock.recv(65536)
        if not d:
            break
        chunks.append(d)
    sock.close()
    return b"".join(chunks)
