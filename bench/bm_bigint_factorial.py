# Big-int multiplication: factorials (small x big products) and a product tree (big x big).
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def tree(lo, hi):
    if hi - lo < 8:
        r = 1
        for i in range(lo, hi):
            r *= i
        return r
    mid = (lo + hi) // 2
    return tree(lo, mid) * tree(mid, hi)


a = fact(12000)
b = tree(1, 12001)
print(a == b, len(bin(a)) - 2, a % 1000000007)
c = tree(1, 150001)
print(len(hex(c)) - 2, c % 998244353)
