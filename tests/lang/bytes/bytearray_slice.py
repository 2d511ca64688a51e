a = bytearray(b'0123456789')
a[2:4] = b'ab'
print(a)
a[2:4] = b'XYZW'
print(a)
a[0:3] = b''
print(a)
a[::2] = b'.....' + b'.' * (len(a[::2]) - 5)
print(a)
del a[0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = bytearray(b'abc')
b[len(b):] = [100, 101]
print(b)
b[:0] = b'>'
print(b)
b[1:2] = b
print(b)
try:
    b[::2] = b'x'
except ValueError:
    print('ValueError')
try:
    b[0] = 256
except ValueError:
    print('ValueError')
