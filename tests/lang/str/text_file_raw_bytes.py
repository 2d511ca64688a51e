# A text file's bytes that are not UTF-8 pass through into the str (as on the WiPy); every str
# operation stays within the data: a code point is an ASCII byte, or another byte and the
# continuation bytes after it (a stray continuation byte after an ASCII one starts its own),
# repr shows a byte outside a whole sequence as \xNN, and indexing, iteration, slicing and
# reversal agree with len() (a str slice with a step is NotImplementedError, as in MicroPython: the
# stepped picks are made from list(s)).
import os, random

name = "/tmp/wipy_rawtext_%d.txt" % random.getrandbits(30)
for raw in (b"a\xff\xc3", b"\xe2\x82 \xf0\x9f\x98 z\xc3", b"\x82\x82a\xf8 \xc3\xa9\xe9\xe2\x82",
            b"\xf0", b"\xbf", b"ok\xc3\xa9", b"xa\x82\x82b\x82", b"\xc3\xa9\xa9z"):
    with open(name, "wb") as f:
        f.write(raw)
    with open(name) as f:
        s = f.read()
    chars = list(s)
    print(repr(s), len(s), len(chars), s.encode() == raw)
    print([c.encode() for c in chars])
    print(all(s[i] == chars[i] for i in range(-len(s), len(s))), "".join(chars) == s)
    rev = "".join(reversed(s))
    print(rev.encode(), "".join(chars[::2]).encode(), "".join(chars[1::-1]).encode(), s[-1:].encode())
    print(list(reversed(s)) == chars[::-1], s[:] == s, [repr(c) for c in s[1:4]], "".join(reversed(rev)) == s)
    try:
        int(s)
    except ValueError as e:
        print(e)
os.remove(name)
for b in (b"\xff", bytearray(b"1\xfe"), b"\xc3", memoryview(b"\xe2\x82")):
    try:
        int(b)
    except ValueError as e:
        print(e)
