# Arguments that must be text or bytes but are not: a TypeError each, never a crash.
import struct, json, binascii, re, array

def t(f):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")

t(lambda: struct.calcsize(1))
t(lambda: struct.pack(None, 1))
t(lambda: struct.unpack(3, b"x"))
t(lambda: json.dumps([1], separators=(1, 2)))
t(lambda: binascii.hexlify(b"ab", 5))
t(lambda: re.sub("a", lambda m: 5, "a"))
t(lambda: re.compile(5))
t(lambda: array.array(1))
t(lambda: "a".join([1]))
