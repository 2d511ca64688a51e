a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, b - a, -a - b)
x = 2**200
print(x + 1, x - 1, -x + 1, -x - 1)
print((x + 5) - x, x - (x + 5))
print(x + (-x), (x + 1) - x == 1)
s = 0
for i in range(100):
    s += 2**i
print(s, s == 2**100 - 1)
