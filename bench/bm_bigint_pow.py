# Big-int powers and squaring (Karatsuba sizes) plus decimal conversion of 4000-digit numbers.
t = 0
for i in range(8):
    x = (3 + i) ** 300000
    t ^= x % 1000000007
    y = (7 ** 5000 + i) ** 9
    t ^= y % 998244353
print(t)
t = 0
for i in range(300):
    s = str(2 ** 13000 + i)
    t += len(s) + int(s[-6:])
print(t)
