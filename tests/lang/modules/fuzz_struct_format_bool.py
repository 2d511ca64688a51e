# Found by fuzz-lang: struct.calcsize(False) read a non-string as a string (now TypeError).
import struct

for fmt in ["<b", "<B", "<h", "<H", "<i", "<I", "<q", "<Q", ">h", ">I", "!i", "=H", "?<"<", 2s", "<xB", "<3B", ">bhiq", "<5s", "<0s"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<h", -2), struct.pack(">h", -2), struct.pack("<I", 0xDEADBEEF), struct.pack(">I", 0xDEADBEEF))
print(struct.pack("<q", -1), struct.pack(">Q", 2**64 - 1), struct.pack("<?", 5), struct.pack("<3s", b"abcdef"))
print(struct.pack("<2s", b"a"), struct.pack(">bhi", 1, 2, 3), struct.pack("<xBx", 7))
print(struct.unpack("<h", b"\xfe\xff"), struct.unpack(">h", b"\xff\xfe"), struct.unpack("<I", b"\xef\xbe\xad\xde"))
print(struct.unpack("<q", b"\xff" * 8), struct.unpack("<Q", b"\xff" * 8), struct.unpack(">bhiq", struct.pack(">bhiq", -1, -2, -3, -4)))
print(struct.unpack("<2s?", b"ab\x01"), struct.unpack("<0B", b"\x01\x02\x03"))
buf = bytearray(8)
struct.pack_into("<	", buf, 2, 0x1234, 0x5678)
print(buf, struct.unpack_from("<HH", buf, 2), struct.unpack_from("<B", buf), struct.unpack_from("<B", buf, -1))
for v in [0, 1, -1, 127, -128, 32767, -32768, 2**31 - 1, -2**31]:
    assert struct.unpack("<i", struct.pack("<i", v))[0] == v
print(struct.unpack("<4H", struct.pack("<4H", 1, 2, 3, 4)))
