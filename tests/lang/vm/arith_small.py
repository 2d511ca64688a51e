a = 7; b = -3
print(a + b, a - b, a * b, a // b, a % b, -a // 2, -a % 2)
print(a & b, a | b, a ^ b, a << 3, a >> 1, b >> 1, ~a)
print(1 << 62, (1 << 62) * 4, -(1 << 63))
x = 2**62
print(x + x, x * x, x - (-x))
print(7 // -2, -7 // 2, 7 % -2, -7 % 2)
