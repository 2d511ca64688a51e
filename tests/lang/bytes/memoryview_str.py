# memoryview over a str views its UTF-8 bytes, read-only (MicroPython's rule; CPython refuses it)
m = memoryview('abc')
print(len(m), m[0], bytes(m), bytes(m[1:]))
try:
    m[0] = 1
except TypeError as e:
    print('TypeError')
u = memoryview('h\u00e9')
print(len(u), bytes(u))
b = bytearray(3)
b[:] = memoryview('xyz')
print(b)
s = 'data'
b2 = bytearray(2)
b2[:] = memoryview(s)[1:3]
print(b2)
