b = b"\x00\x01\xff\n"
print(b, len(b), b[3], b[2])
print(b"\101\102", b"\u1234", len(b"\u1234"))
print(b"", b"abc"[1])
print(rb"\x00", len(rb"\x00"))
print(b"a" b"b" == b"ab")
