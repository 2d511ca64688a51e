def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20), fact(21), fact(25))
f = fact(300)
print(len(str(f)), str(f)[:30], f % 1000000007)
print(fact(100) // fact(98) == 100 * 99)
