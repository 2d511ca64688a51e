for a in (0, 1, 2, -2, 7, -7, 123456):
    for e in (0, 1, 2, 5, 17):
        for m in (1, 2, 7, -7, 1000, -1000):
            print(pow(a, e, m), end=' ')
    print()
print(pow(3, -1, 7), pow(3, -2, 7), pow(-3, -1, 7), pow(3, -1, -7), pow(2**100 + 1, -1, 2**127 - 1))
print(pow(5, -3, 1), pow(5, -3, -1))
try:
    pow(2, -1, 4)
except ValueError:
    print('ValueError')
