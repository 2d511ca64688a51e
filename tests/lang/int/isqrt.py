def isqrt(n):
    if n < 2:
        return n
    bits = len(bin(n)) - 2  # bin(n) is '0b' then n's bits
    x = 1 << ((bits + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y
for n in (0, 1, 2, 15, 16, 17, 10**20, 2**127, 10**100, 3**301):
    r = isqrt(n)
    print(r, r * r <= n < (r + 1) * (r + 1))
print(isqrt(2 * 10**200))
