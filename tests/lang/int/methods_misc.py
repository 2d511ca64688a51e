print((5).bit_length(), (-5).bit_length(), (255).to_bytes(2, 'little'), int.from_bytes(b'\x01\x02', 'little'))
x = 1000
print(x.to_bytes(2, 'big'), x.bit_length())
print(int.from_bytes((2**70).to_bytes(9, 'big'), 'big') == 2**70)
