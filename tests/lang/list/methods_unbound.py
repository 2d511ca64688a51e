l = []
list.append(l, 1)
list.extend(l, [2, 3])
print(l, list.index(l, 2), list.count(l, 3))
f = l.append
f(4)
print(l)
list.sort(l, reverse=True)
print(l)
