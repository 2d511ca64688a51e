x = 1
for i in range(100):
    x = x * 3
print(x)
y = 2**62 - 1
print(y + 1, y + y, y * 2, -y - 2)
print((1 << 62) >> 61, 1 << 100 >> 99)
a = -(2**62)
print(a - 1, a * -1, a // -1)
