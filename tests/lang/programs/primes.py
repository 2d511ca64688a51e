# Primes three ways: trial division, a sieve, and a generator; they must agree.
def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [i for i, f in enumerate(flags) if f]


def gen_primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


a = [n for n in range(500) if is_prime(n)]
b = sieve(499)
g = gen_primes()
c = [next(g) for _ in range(len(a))]
print(a == b == c, len(a), a[-5:])
print(sum(a), max(a), [p for p in a if p % 10 == 7][:8])
