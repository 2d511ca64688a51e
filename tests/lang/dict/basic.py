d = {'a': 1, 'b': 2}
print(d, len(d), d['a'], bool(d), bool({}))
d['c'] = 3
d['a'] = 10
print(d)
del d['b']
print(d, 'b' in d, 'a' in d, 'b' not in d)
print({}, {1: 2}, {(1, 2): [3]})
print({1: 'x', 'y': None, True: False})
