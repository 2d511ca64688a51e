# MicroPython: a hash object is final after digest() (update() and digest() raise ValueError);
# json.dumps writes bytes as a string and an OrderedDict as an object.
import hashlib, json
from collections import OrderedDict
for alg in (hashlib.sha1, hashlib.sha256, hashlib.md5):
    h = alg(b'123')
    d = h.digest()
    for f in (h.digest, lambda: h.update(b'4'), h.hexdigest):
        try:
            f()
            print('no error')
        except ValueError as e:
            print('ValueError', e)
    print(len(d), alg(b'123').hexdigest() == ''.join('%02x' % b for b in d))
print(json.dumps(b'1234'), json.dumps(OrderedDict([('b', 1), ('a', [b'x'])])))
