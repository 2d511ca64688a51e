def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
print(gcd(2**100, 6**50), gcd(3**80 * 5**20, 15**30), gcd(-12, 18), gcd(0, -7))
F = [0, 1]
for i in range(300):
    F.append(F[-1] + F[-2])
print(gcd(F[300], F[299]), gcd(F[300], F[150]) == F[150])
