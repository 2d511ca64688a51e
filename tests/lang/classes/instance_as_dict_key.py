class K:
    pass
a, b = K(), K()
d = {a: "a", b: "b"}
print(d[a], d[b], len(d))
s = {a, b, a}
print(len(s))
