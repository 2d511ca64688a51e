print(dict())
print(dict({1: 2}))
print(dict([(1, 2), (3, 4)]))
print(dict(a=1, b=2))
print(dict([('a', 1)], b=2))
print(dict(zip('abc', range(3))))
d = {1: 2}
e = dict(d)
e[3] = 4
print(d, e)
