a = 10**60 + 7
b = 10**25 + 3
print(divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(-a, -b))
print(divmod(a, 7), divmod(-a, 7), divmod(7, a), divmod(-7, a), divmod(7, -a))
print(divmod(2**64, 2**32), divmod(2**128, 2**64 - 1))
q, r = divmod(3**200, 5**50)
print(q * 5**50 + r == 3**200, 0 <= r < 5**50)
