x = 1
for i in range(1, 200):
    x = x * i + (-1) ** i * i
    if x.bit_length() > 500:
        x = x % (2**300 + 1)
print(x)
acc = 0
i = 0
while i < 1000:
    acc += i * i * i
    acc ^= i << 60
    i += 1
print(acc)
