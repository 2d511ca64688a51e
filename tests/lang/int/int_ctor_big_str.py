for n in (1, 18, 19, 20, 38, 39, 40, 100, 500):
    s = '9' * n
    x = int(s)
    print(n, x == 10**n - 1, str(x) == s, int('-' + s) == -x)
    h = 'f' * n
    print(int(h, 16) == 16**n - 1, int('1' * n, 2) == 2**n - 1)
print(int('1' + '0' * 100) == 10**100)
