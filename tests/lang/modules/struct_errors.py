# struct: errors are exceptions with a type, never crashes. As in MicroPython, pack takes the values
# it needs and ignores extra ones, and a missing value packs as zero.
import struct

def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__)

t(struct.pack, "<h", 1, 2)
t(struct.pack, "<hh", 1, 2, "x", 4)
t(struct.pack, "<hh", 1)
t(struct.unpack, "<h", b"\x00")
t(struct.unpack, "<h", b"\x00\x00\x00")
t(struct.unpack_from, "<I", b"\x00\x00", 0)
t(struct.pack_into, "<I", bytearray(2), 0, 1)
t(struct.calcsize, "<Z")
t(struct.pack, "<h", "x")
t(struct.unpack_from, "<h", b"\x00\x00\x00", 5)
