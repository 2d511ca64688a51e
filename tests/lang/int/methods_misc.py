print((5).to_bytes(1, 'big'), (-5).to_bytes(1, 'big', signed=True), (255).to_bytes(2, 'little'), int.from_bytes(b'\x01\x02', 'little'))
x = 1000
print(x.to_bytes(2, 'big'), int.from_bytes(x.to_bytes(2, 'big'), 'big') == x)
print(int.from_bytes((2**70).to_bytes(9, 'big'), 'big') == 2**70)
