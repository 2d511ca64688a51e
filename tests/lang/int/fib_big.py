a, b = 0, 1
for i in range(500):
    a, b = b, a + b
print(a)
print(len(str(a)))
def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return (d, c + d)
    return (c, d)
print(fib_pair(500)[0] == a, fib_pair(2000)[0] % 10**20)
