print(int(), int(0), int(5), int(-7), int(2**100), int(True), int(False))
print(int(b'12'), int(b' -3 '), int('ff', base=16))
print(int(bytearray(b'77')))
