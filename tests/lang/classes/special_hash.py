class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 10
    def __eq__(self, o):
        return self.v == o.v
d = {}
d[K(1)] = "one"
d[K(11)] = "eleven"
print(d[K(1)], d[K(11)], len(d))
print(hash(K(13)))
s = {K(2), K(2), K(3)}
print(len(s))
