# Big-integer maths: factorials, Fibonacci, powers, gcd, modular inverse, digit sums.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def modinv(a, m):
    g, x = m, 0
    r, y = a, 1
    while r:
        q = g // r
        g, r = r, g - q * r
        x, y = y, x - q * y
    return x % m


print(fact(30), fact(50) // fact(48))
print(fib(100), fib(200) % 1000000007)
print(2 ** 200, (3 ** 100) % 1000, pow(3, 100, 1000), pow(7, 12345, 10 ** 9 + 7))
print(gcd(fact(20), 2 ** 50), gcd(fib(60), fib(45)))
print(modinv(17, 3120), (17 * modinv(17, 3120)) % 3120)
print(sum(int(c) for c in str(2 ** 1000)), len(str(fact(100))))
print(-(2 ** 100) // 7, -(2 ** 100) % 7, divmod(-(10 ** 30), 12345))
print(hex(2 ** 70), bin(2 ** 40 + 5), oct(8 ** 25))
print((2 ** 100) >> 90, (-(2 ** 100)) >> 95, 1 << 100, (2 ** 100 - 1) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
