d = {}
d[1] = 'int'
d[True] = 'bool'
print(d)
d[(1, 2)] = 't'
d['s'] = 's'
d[None] = 'n'
d[-5] = 'neg'
d[2 ** 70] = 'big'
print(d[1], d[(1, 2)], d['s'], d[None], d[-5], d[2 ** 70])
print(2 ** 70 in d, 2 ** 71 in d)
d[0] = 'zero'
print(d[False])
k = 'ab' * 20
d[k] = 'long'
print(d['ab' * 20])
print(d[''.join(['a', 'b'] * 20)])
s = ''.join(['h', 'e', 'l', 'l', 'o'])
d['hello'] = 1
d[s] = 2
print(d['hello'], len(d))
