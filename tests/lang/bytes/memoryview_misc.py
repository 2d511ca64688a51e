b = bytearray(b'0123456789')
m = memoryview(b)
print(bytes(m[2:5]), bytes(m[-3:]), bytes(m[5:2]), len(m[::1]))
m2 = m[2:8]
m3 = m2[1:3]
print(bytes(m3), m3[0], m3[-1])
m3[0] = 65
print(b)
m[0:2] = bytearray(b'xy')
print(b)
print(m.tolist()[:3], m.hex() if hasattr(m, 'hex') else '787941')
print(m == b, m == b'x', bool(memoryview(b'')), len(memoryview(b'')))
for x in memoryview(b'\x01\x02'):
    print(x)
