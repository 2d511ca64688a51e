def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
g = acc()
print(next(g))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration:
    print("done")
g2 = acc()
try:
    g2.send(1)
except TypeError:
    print("TypeError")
