a = bytearray(5)
for i in range(5):
    a[i] = i * 10
print(a, list(a), sum(a))
a[-1] = 255
print(a[-1], a[1:3], bytearray(reversed(a)))
b = bytearray(b'xyz')
b.extend(bytearray(b'!!'))
b.extend(range(65, 68))
print(b)
b[1:1] = b'--'
print(b)
print(b.find(b'-'), b.index(b'!'), b.count(33), b.rfind(b'!'))
print(b.split(b'-'), b.partition(b'!'))
print(bytearray(b'a,b').split(b','), type(bytearray(b'a,b').split(b',')[0]).__name__)
c = bytearray(b'hello')
del c[0]
print(c)
c *= 2
print(c)
print(c == b'ellohello', c != bytearray(b'x'), c > b'a', c < b'z')
