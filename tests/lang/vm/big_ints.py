x = 123456789012345678901234567890
print(x, x + 1, x * x, -x)
y = 0xffffffffffffffffffffffff
print(y, y >> 64)
print(10 ** 30 // 7, 10 ** 30 % 7)
