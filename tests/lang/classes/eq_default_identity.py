class P:
    pass
a = P()
b = P()
print(a == a, a == b, a != b, a != a)
print(a in [b, a], b in [a], [a].index(a))
print(a is a, a is not b)
