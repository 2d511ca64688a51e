# struct: packing and unpacking records in both byte orders, and pack_into a shared buffer.
import struct

buf = bytearray(16 * 1000)
total = 0
for r in range(400):
    for i in range(1000):
        b = struct.pack("<HhIi", i, -i, i * 1000, -i * 3)
        a, c, d, e = struct.unpack("<HhIi", b)
        total += a + c + d + e
        struct.pack_into(">IIQ", buf, (i % 999) * 16, i, r, i * r)
        total += struct.unpack_from(">IIQ", buf, (i % 999) * 16)[2]
print(total, struct.calcsize("<HhIi"), struct.calcsize(">IIQ"))
