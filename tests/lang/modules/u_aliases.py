# Every module of spec section 3 with a u alias imports under both names, as the same module.
import ustruct, struct, ujson, json, ure, re, ubinascii, binascii, ucollections, collections
import uarray, array, uio, io, uerrno, errno, uselect, select, utime, time, uhashlib, hashlib, usys, sys
pairs = [(ustruct, struct), (ujson, json), (ure, re), (ubinascii, binascii), (ucollections, collections),
         (uarray, array), (uio, io), (uerrno, errno), (uselect, select), (utime, time), (uhashlib, hashlib),
         (usys, sys)]
print([a is b for a, b in pairs])
print(ustruct.pack("<H", 258), ujson.dumps([1]), ure.match("a+", "aa").group(0), uhashlib.sha1(b"").digest()[:2])
for name in ["machine", "wipy", "network", "gc", "micropython"]:
    try:
        __import__("u" + name)
        print("u" + name, "imported")
    except ImportError:
        print("u" + name, "ImportError")
