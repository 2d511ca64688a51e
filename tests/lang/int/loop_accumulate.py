x = 1
for i in range(1, 200):
    x = x * i + (-1) ** i * i
    if abs(x) >= 1 << 500:  # more than 500 bits
        x = x % (2**300 + 1)
print(x)
acc = 0
i = 0
while i < 1000:
    acc += i * i * i
    acc ^= i << 60
    i += 1
print(acc)
