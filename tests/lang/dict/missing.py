class C(dict):
    def __missing__(self, k):
        return k + '!'
c = C(x='1')
print(c['x'], c['y'])
