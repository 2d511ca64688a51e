# hashlib block_size mode (the WiPy's hardware engine): the rules of spec section 14.
import hashlib, binascii

data = b"0123456789abcdefghij"  # 20 bytes
h = hashlib.sha1(data[:8], len(data))
h.update(data[8:16])
h.update(data[16:])
print(binascii.hexlify(h.digest()) == binascii.hexlify(hashlib.sha1(data).digest()))
h = hashlib.sha256(data, len(data))
print(h.digest() == hashlib.sha256(data).digest())
# update after block_size bytes -> OSError(EPERM)
try:
    h.update(b"x")
except OSError as e:
    print("OSError", e.args[0])
# digest before all bytes -> OSError(EPERM)
h = hashlib.sha1(b"abcd", 8)
try:
    h.digest()
except OSError as e:
    print("OSError", e.args[0])
# a non-final chunk whose length is not a multiple of 4 -> ValueError
try:
    hashlib.sha256(b"abc", 8)
except ValueError as e:
    print("ValueError", e)
h = hashlib.sha256(b"abcd", 9)
try:
    h.update(b"efg")
except ValueError as e:
    print("ValueError", e)
h.update(b"efghi")
print(h.digest() == hashlib.sha256(b"abcdefghi").digest())
# the final chunk may have any length
h = hashlib.sha1(b"abc", 3)
print(h.digest() == hashlib.sha1(b"abc").digest())
try:
    hashlib.sha1(b"abcdefgh", 4)
except ValueError as e:
    print("ValueError too long")
# the errors say what failed, with how many bytes of how many
h = hashlib.sha1(b"abcd", 8)
try:
    h.digest()
except OSError as e:
    print(e)
h.update(b"efgh")
try:
    h.update(b"i")
except OSError as e:
    print(e)
h = hashlib.sha1(b"abcd", 8)
try:
    h.update(b"efghijkl")
except ValueError as e:
    print(e)
