# A Python stream (io.IOBase subclass) whose write() or readinto() claims more bytes than it was
# given is broken: print(file=...) and json.load raise OSError(EIO); honest counts work, and
# json.load reads a readinto-only stream to its end.
import io, json


class Bad(io.IOBase):
    def __init__(self, extra):
        self.extra = extra
        self.got = []

    def write(self, buf):
        self.got.append(buf)
        return len(buf) + self.extra

    def readinto(self, buf):
        buf[0] = ord("1")
        return len(buf) + self.extra


for extra in (0, 1, 100):
    s = Bad(extra)
    try:
        print("abc", 12, file=s)
        print("write ok", extra, s.got)
    except OSError as e:
        print("write", extra, "errno", e.errno, s.got)

try:
    json.load(Bad(1))
except OSError as e:
    print("read errno", e.errno)


class Src(io.IOBase):
    def __init__(self, data):
        self.data = data

    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


print(json.load(Src(b'{"a": [1, 2, "x"]}')))


class NoneSrc(io.IOBase):
    def readinto(self, buf):
        return None


try:
    json.load(NoneSrc())
except ValueError:
    print("ValueError: empty")
try:
    json.load(io.IOBase())
except OSError as e:
    print("OSError", e)
