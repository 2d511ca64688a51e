# binascii: hex and base64 both ways, separators, crc32 with a running value, bad input.
import binascii

print(binascii.hexlify(b"\x00\x01\xfe\xff"), binascii.hexlify(b""), binascii.hexlify(bytearray(b"ab")))
print(binascii.hexlify(b"\x01\x02\x03", "-"), binascii.hexlify(b"\x01\x02", b":"))
print(binascii.unhexlify(b"0001feff"), binascii.unhexlify("ABCDef"), binascii.unhexlify(""))
for s in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))]:
    e = binascii.b2a_base64(s)
    assert binascii.a2b_base64(e) == s
    print(len(s), e[:40])
print(binascii.b2a_base64(b"hi", newline=False))
print(binascii.a2b_base64(b"aGk="), binascii.a2b_base64("aGVsbG8gd29ybGQ="), binascii.a2b_base64(b"aG\nk="))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
for bad in [b"abc", b"zz", "0g"]:
    try:
        binascii.unhexlify(bad)
    except ValueError:
        print("ValueError", bad)
try:
    binascii.a2b_base64(b"aGk")
except ValueError:
    print("ValueError pad")
