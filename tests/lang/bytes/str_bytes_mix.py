print('abc' == b'abc', b'abc' == 'abc', 'a' != b'a')
print(str(b'abc', 'utf-8') == 'abc', 'abc'.encode() == b'abc')
print(b'abc'.decode() + 'd', 'x'.encode() + b'y')
print(list('ab'.encode()), bytes('ab', 'ascii'))
for w in [b'x', bytearray(b'x'), 'x']:
    print(type(w).__name__, len(w), w * 2)
