# With the heap locked, what needs no new memory works and what does grow raises MemoryError and
# leaves the object as it was (MicroPython's rules: the capacity a bytearray asked for is all it has).
import io
import micropython

buf = io.BytesIO(32)  # room for 32 bytes reserved now
b = bytearray(b"0123456789")
m = memoryview(b)
data = b"abcd" * 8
more = b"more"
long = b"too much"
micropython.heap_lock()
buf.write(data)  # fits the reserved room
b[2:4] = b"xy"  # same length: straight from the buffer
m[4:6] = b"zw"
b[0:2] = b"Q"  # shorter: no allocation either
del b[-1:]
try:
    b += long
    print("grew?")
except MemoryError:
    print("MemoryError +=")
try:
    b.extend(more)
    print("grew?")
except MemoryError:
    print("MemoryError extend")
try:
    buf.write(b"!")
    print("grew?")
except MemoryError:
    print("MemoryError write past reserve")
micropython.heap_unlock()
print(buf.getvalue())
print(b)
ba = bytearray(4)
micropython.heap_lock()
try:
    ba += b"01"  # the block has slack, but 4 bytes is what was asked for
except MemoryError:
    print("MemoryError small +=")
micropython.heap_unlock()
print(ba)
ba += b"01"
print(ba, len(ba))
# the stack slice is only for built-in sequences: a user __getitem__ gets a real slice it may keep
class Keep:
    def __getitem__(self, i):
        self.kept = i
        return i
k = Keep()
s = k[1:5:2]
print(s, k.kept is s, k[::] == slice(None, None, None))
from collections import OrderedDict
d = OrderedDict()  # keys by == alone: it keeps a slice key, which must be a heap slice
d[1:2] = 3
d[3:4] = 5
print(d, d[1:2], list(d)[0] == slice(1, 2))
print("abcdef"[1:4], (1, 2, 3, 4)[1:3], [1, 2, 3, 4][::2], [1, 2, 3][1:], b"xyz"[:-1], bytearray(b"pq")[1:])
l = [1, 2, 3, 4, 5]
l[1:3] = "ab"
del l[3:]
print(l)
