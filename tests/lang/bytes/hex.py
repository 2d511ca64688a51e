print(b'\x00\x01\xab\xff'.hex(), b''.hex())
print(b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03\x04\x05'.hex('-', 2), b'\x01\x02\x03\x04\x05'.hex(' ', -2))
print(bytes.fromhex('00 01 ab FF'), bytes.fromhex(''), bytearray.fromhex('4142'))
try:
    bytes.fromhex('zz')
except ValueError:
    print('ValueError')
try:
    bytes.fromhex('a')
except ValueError:
    print('ValueError')
print(bytearray(b'\xde\xad').hex())
