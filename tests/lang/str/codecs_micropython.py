# MicroPython's codecs: utf-8 and ascii only (others: LookupError), MicroPython's structural UTF-8
# check (a lead byte and its continuation bytes, whatever the code point), errors='ignore' or
# 'replace' (one U+FFFD per bad sequence), ascii refusing other characters (bytes(s, 'ascii') too,
# but for a str whose bytes are not UTF-8 at all, e.g. a text file's raw bytes, which it passes
# through as on the WiPy); text files read n characters, not bytes.
import os, random

print(b"hello".decode("ascii"), str(b"abc", "utf8"), "x".encode("ascii"), bytes("y", "ascii"))
for f in (lambda: b"ni\xe5\xa5\xbd".decode("ascii"), lambda: str(b"\xff", "ascii"),
          lambda: "\u00e9".encode("ascii"), lambda: bytes("\u00e9", "ascii") == "\u00e9".encode(),
          lambda: b"\xff\xfe".decode(), lambda: b"a\x80".decode("utf-8", "strict")):
    try:
        print(repr(f()))
    except UnicodeError:
        print("UnicodeError")
for enc in ("latin-1", "utf-16", "cp1252"):
    try:
        b"x".decode(enc)
    except LookupError:
        print("LookupError", enc)
print(repr(b"\xf4\x90\x80\x80".decode()), repr(b"\xc2\xa9".decode()))
for b in (b"\xff\xfe", b"hello\xffworld", b"\x80\x81\x82", b"\xc0\x20", b"hello\xc0", b"\xe4\xbd", b"a\xe4\xbdb"):
    print(repr(b.decode("utf-8", "replace")), repr(b.decode("utf-8", "ignore")))
print(repr(str(bytearray(b"a\xffb"), "utf-8", "replace")), repr(b"\xe9t\xe9".decode("ascii", "ignore")))
name = "/tmp/wipy_codecs_%d.txt" % random.getrandbits(30)
with open(name, "wb") as f:
    f.write("a\u03b1b\u03b2\u3041\U0001f650\n".encode() + b"\xff")
with open(name) as f:
    print(f.read(1), f.read(2), f.read(3), repr(f.read(1)), f.read() == bytes([255]).decode("utf-8", "ignore") or "raw")
with open(name, "rb") as f:
    print(f.read(3))
with open(name) as f:  # a text file's bytes that are not UTF-8 pass through bytes(s, 'ascii')
    print(bytes(f.read(), "ascii")[-3:])
os.remove(name)
