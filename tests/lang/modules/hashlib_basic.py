# hashlib: known vectors (FIPS 180 / RFC 1321 examples), incremental updates equal one-shot.
import hashlib, binascii

def hx(h):
    return binascii.hexlify(h.digest())

print(hx(hashlib.sha1(b"abc")))
print(hx(hashlib.sha1(b"")))
print(hx(hashlib.sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
print(hx(hashlib.sha256(b"abc")))
print(hx(hashlib.sha256(b"")))
print(hx(hashlib.sha256(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
print(hx(hashlib.md5(b"")), hx(hashlib.md5(b"a")), hx(hashlib.md5(b"abc")), hx(hashlib.md5(b"message digest")))
print(hx(hashlib.md5(b"12345678901234567890123456789012345678901234567890123456789012345678901234567890")))
h = hashlib.sha256()
for i in range(100):
    h.update(bytes([i]) * i)
data = b"".join(bytes([i]) * i for i in range(100))
d = h.digest()
print(d == hashlib.sha256(data).digest(), binascii.hexlify(d) == hx(hashlib.sha256(data)))
h = hashlib.sha1(b"a")
h.update(b"b")
print(hx(h))
seed = 7
for n in range(20):
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    blob = bytes((seed >> (i % 24)) & 255 for i in range(seed % 300))
    a = hashlib.sha256()
    pos = 0
    while pos < len(blob):
        step = (seed >> pos % 16) % 37 + 1
        a.update(blob[pos:pos + step])
        pos += step
    # printed, so the digests themselves are checked against CPython's
    print(n, len(blob), a.hexdigest(), hashlib.sha1(blob).hexdigest(), hashlib.md5(blob).hexdigest())
print("chunked ok")
