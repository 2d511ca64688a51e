print(b'a' < b'b', b'ab' < b'a', b'abc' <= b'abc', b'\xff' > b'\x00', b'' < b'\x00')
print(b'abc' == bytearray(b'abc'), bytearray(b'abc') == b'abc', b'x' != bytearray(b'y'))
print(sorted([b'b', b'a', b'ab']))
try:
    b'a' < 'a'
except TypeError:
    print('TypeError')
d = {b'k': 1}
print(d[b'k'], b'k' in d)
