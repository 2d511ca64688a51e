# Sieve of Eratosthenes over a bytearray, repeated.
def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = 0
        i += 1
    return sum(flags)


total = 0
for _ in range(150):
    total += sieve(60000)
print(total)
