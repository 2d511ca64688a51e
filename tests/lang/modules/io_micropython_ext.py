# io: BytesIO.readinto, io.IOBase as a base for user streams, MicroPython's write(buf, len) and
# write(buf, off, len), and a seek before the start is OSError(EINVAL).
import io
b = io.BytesIO(b'abcdef')
buf = bytearray(4)
print(b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf))
w = io.BytesIO()
print(w.write(b'hello', 2), w.write(b'hello', 1, 3), w.write(b'hello', 9, 9), w.write(b'xy', 100), w.getvalue())
s = io.StringIO()
s.write('text', 2)
print(s.getvalue())
try:
    b.seek(-10)
except OSError as e:
    print('OSError', e.errno)
class Out(io.IOBase):
    def __init__(self):
        self.parts = []
    def write(self, data):
        self.parts.append(data)
        return len(data)
o = Out()
print('to a user stream', 1, file=o)
print(len(o.parts) > 0, isinstance(o, io.IOBase))
