d = {1: 2}
k = d.keys()
d[3] = 4
print(list(k), len(k))
try:
    for x in d.values():
        d[x] = 0
except RuntimeError as e:
    print('RuntimeError')
it = iter(d.items())
print(next(it))
