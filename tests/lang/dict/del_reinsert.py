d = {'a': 1, 'b': 2, 'c': 3}
del d['a']
d['a'] = 4
print(d, list(d))
for i in range(50):
    d['x'] = i
    del d['x']
print(d, len(d))
d.pop('b')
d['b'] = 0
print(d)
