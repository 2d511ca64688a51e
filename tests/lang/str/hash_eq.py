d = {}
words = 'the quick brown fox jumps over the lazy dog the end'.split()
for w in words:
    d[w] = d.get(w, 0) + 1
print(sorted(d.items()))
a = 'ab' + 'cd'
b = 'abcd'
print(a == b, hash(a) == hash(b))
s = set(['x' + 'y', 'xy', 'z'])
print(sorted(s))
d2 = {'key': 1}
print(d2['k' + 'ey'])
print('k' + 'ey' in d2)
