print(sorted(map(lambda p: p[0] * p[1], zip(range(5), reversed(range(5))))))
print(list(enumerate(filter(None, map(lambda x: x % 3, range(10))), 1)))
print(sum(x for x in map(int, '12345')))
