def egcd(a, b):
    x0, x1, y0, y1 = 1, 0, 0, 1
    while b:
        q = a // b
        a, b = b, a - q * b
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    return a, x0, y0
p = 2**127 - 1
for a in (3, 12345678901234567890, 2**100 + 1):
    g, x, y = egcd(a, p)
    print(g, x % p, (a * x) % p)
