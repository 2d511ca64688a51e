a = bytearray(b'0123456789')
a[2:4] = b'ab'
print(a)
a[2:4] = b'XYZW'
print(a)
a[0:3] = b''
print(a)
a[-3:] = bytearray(b'..')
print(a)
a[5:1] = memoryview(b'<>')
print(a)
a[100:] = b'!'
print(a)
a[-100:1] = b'['
print(a)
a[None:2:None] = b'()'
print(a)
a[3:4:1] = b''
print(a)
del a[0]
print(a)
del a[1:3]
print(a)
del a[-2:]
print(a)
del a[5:2]
print(a)
b = bytearray(b'abc')
b[len(b):] = bytes([100, 101])
print(b)
b[:0] = b'>'
print(b)
b[1:2] = b
print(b)
try:
    b[0] = 256
except ValueError:
    print('ValueError')
