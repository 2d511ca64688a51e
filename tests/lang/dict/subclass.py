class D(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)
d = D()
d['a'] = 1
print(d['a'], len(d), 'a' in d, list(d.keys()))
print(dict.get(d, 'a'))
