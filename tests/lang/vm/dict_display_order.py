d = {'b': 1, 'a': 2, 'c': 3}
print(list(d), d)
d2 = {1: 'x', 1: 'y'}
print(d2)
