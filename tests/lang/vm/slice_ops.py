l = list(range(8))
print(l[1:7:2], l[:-2], l[5:1:-1], l[::3])
l[::2] = [0, 0, 0, 0]
print(l)
del l[::3]
print(l)
