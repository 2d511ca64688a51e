b = b'abcdef'
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m), m.tobytes(), m.tolist())
s = m[1:4]
print(len(s), bytes(s), s[0], bytes(s[1:]))
a = bytearray(b'hello')
mv = memoryview(a)
mv[0] = 72
print(a)
mv[1:3] = b'EL'
print(a)
sub = mv[2:]
sub[0] = 76
print(a, bytes(sub))
try:
    m[0] = 1
except TypeError:
    print('TypeError')
try:
    mv[1:3] = b'xyz'
except ValueError:
    print('ValueError')
print(list(memoryview(b'xyz')), m == b'abcdef', bytes(memoryview(mv)))
print(m.readonly, mv.readonly, m.nbytes)
print(bytearray(memoryview(b'ab')), b'-'.join([memoryview(b'a'), b'b']) if False else 'skip')
