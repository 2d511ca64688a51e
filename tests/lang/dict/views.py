d = {'a': 1, 'b': 2}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
print(len(k), len(v), len(i))
print('a' in k, 'z' in k, 1 in v, 5 in v, ('a', 1) in i, ('a', 2) in i)
d['c'] = 3
print(list(k), list(v), list(i))
for key, val in d.items():
    print(key, val)
print(sorted(d.keys() & {'a', 'c', 'x'}))
print(sorted(d.keys() | {'q'}))
print(sorted(d.keys() - {'a'}))
print(d.keys() == {'a', 'b', 'c'})
print(bool({}.keys()))
