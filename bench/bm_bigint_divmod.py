# Big-int division and modular arithmetic: RSA-sized modular exponentiation and a digit-of-e
# series that divides a 4000-digit fixed-point number repeatedly.
p = 2 ** 2203 - 1
acc = 0
for i in range(20):
    acc ^= pow(3 + i, p - 1 - i, p)
print(len(bin(acc)) - 2, acc % 1000003)
one = 10 ** 4000
term = one
e = 0
k = 1
while term:
    e += term
    term //= k
    k += 1
print(k, str(e)[:30], e % 1000000007)
a = 7 ** 3000
b = 3 ** 2000 + 12345
s = 0
for i in range(20000):
    q, r = divmod(a + i, b)
    s ^= r & 0xffffffff
print(s)
