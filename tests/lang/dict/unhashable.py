# a lookup in a dict with entries hashes the key (an empty one need not: dict/empty_lookup.py)
d = {0: 0}
try:
    d[[1]] = 2
except TypeError:
    print('TypeError')
try:
    d[{}]
except TypeError:
    print('TypeError')
try:
    {1} in d
except TypeError:
    print('TypeError')
