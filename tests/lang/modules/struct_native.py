# struct native mode '@': sizes and alignment of the WiPy (a 32-bit board: l, L and P are 4 bytes).
import struct
for fmt in ["@b", "@h", "@i", "@l", "@q", "@P", "@bh", "@bi", "@bq", "@hb", "@bhi", "bl", "@3sI", "@xI", "@?H"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("@bi", 1, 2), struct.unpack("@bi", b"\x01\x00\x00\x00\x02\x00\x00\x00"))
print(struct.pack("l", -1), struct.unpack("L", b"\xff\xff\xff\xff"))
