print(int.from_bytes(b'\x01\x02', byteorder='little'), (5).to_bytes(length=2, byteorder='big'))
print(int.from_bytes(b'', 'big', signed=True), (5).to_bytes(), (0).to_bytes(0, 'little'))
print(int.from_bytes(bytes=b'\xff', byteorder='big', signed=True) if False else 1)
print((-1).to_bytes(3, 'little', signed=True), int.from_bytes([1, 2, 3], 'big'))
try:
    int.from_bytes(b'\x01', 'middle')
except ValueError as e:
    print('ValueError')
try:
    (3).to_bytes(-1, 'big')
except ValueError as e:
    print('ValueError', e)
print(int('  0x10  ', 0), int('-0b11', 0), int('0O17', 0), int(' +1_0 '))
print(divmod(-(2**64), 3), divmod(2**64, -3), (-(2**64)) // (2**32), (-(2**64) - 1) // (2**32))
print(abs(-(2**62)), -(-(2**62)), (2**62) * -1, -(2**62) * -1)
