# asyncio streams over a pair of Python objects (a pipe with ioctl-style polling, no file
# descriptor): reads wait until a writer task fills the pipe, writes wait while it is full
import asyncio

POLLIN = 1
POLLOUT = 4


class Pipe:
    def __init__(self, cap):
        self.buf = b""
        self.cap = cap
        self.eof = False
        self.polls = 0

    def ioctl(self, req, arg):
        if req != 3:
            return -1
        self.polls += 1
        r = 0
        if arg & POLLIN and (self.buf or self.eof):
            r |= POLLIN
        if arg & POLLOUT and len(self.buf) < self.cap:
            r |= POLLOUT
        return r

    def read(self, n=-1):
        if not self.buf:
            return b"" if self.eof else None
        if n < 0:
            n = len(self.buf)
        r, self.buf = self.buf[:n], self.buf[n:]
        return r

    def readinto(self, b):
        r = self.read(len(b))
        if r is None:
            return None
        b[: len(r)] = r
        return len(r)

    def readline(self):
        # what is there up to a newline (a partial line too, as a non-blocking socket gives)
        i = self.buf.find(b"\n")
        return self.read(i + 1 if i >= 0 else -1)

    def write(self, b):
        room = self.cap - len(self.buf)
        if room <= 0:
            return None
        self.buf += bytes(b[:room])
        return min(room, len(b))

    def close(self):
        self.eof = True


async def producer(w):
    for chunk in (b"hello ", b"world\nsecond", b" line\n", b"0123456789" * 3):
        await asyncio.sleep_ms(2)
        w.write(chunk)
        await w.drain()
        print("wrote", len(chunk))
    await asyncio.sleep_ms(2)
    await w.wait_closed()
    print("producer closed")


async def main():
    p = Pipe(8)  # smaller than some writes: drain has to wait for the reader
    r = asyncio.StreamReader(p)
    w = asyncio.StreamWriter(p, {"peername": ("pipe", 0)})
    print(w.get_extra_info("peername"))
    t = asyncio.create_task(producer(w))
    print(await r.readline())
    print(await r.readline())
    print(await r.readexactly(12))
    b = bytearray(5)
    n = await r.readinto(b)
    print(n, bytes(b[:n]))
    print(await r.read(3))
    print(await r.read())  # to the end
    try:
        await r.readexactly(1)
    except EOFError:
        print("EOFError")
    await t
    print(p.polls > 0)

    # an object with neither fileno() nor ioctl() counts as always ready
    class Sink:
        def write(self, b):
            print("sink", bytes(b))
            return len(b)

    s = asyncio.StreamWriter(Sink())
    s.write(b"abc")
    await s.drain()
    async with asyncio.StreamWriter(Pipe(4)) as s2:
        print("in async with", s2.s.cap)


asyncio.run(main())
