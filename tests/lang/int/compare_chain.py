a, b, c = 2**64, 2**65, 2**66
print(a < b < c, a < c < b, c > b > a, a == a < b, a != b != a)
print(min(c, a, b), max(c, a, b), sorted([c, b, a, -a]))
print([x for x in (5, 2**70, -2**70, 0) if x > 1])
