l = [1, 2, 3, 4]
l.reverse()
print(l)
c = l.copy()
c.append(0)
print(l, c)
l.clear()
print(l, len(l))
l.append(5)
print(l)
[].reverse()
x = [1]
x.reverse()
print(x)
