l = []
for i in range(20):
    l.append(i * i)
print(l)
l.extend([1, 2])
l.extend((3,))
l.extend(range(2))
l.extend("xy")
l.extend({7: 1})
print(l)
a = [1, 2]
a.extend(a)
print(a)
a += (9, 8)
print(a)
a += "st"
print(a)
