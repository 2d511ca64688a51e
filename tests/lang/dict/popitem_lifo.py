d = {}
for i in range(10):
    d[i] = str(i)
out = []
while d:
    out.append(d.popitem())
print(out)
d[1] = 1
print(d)
