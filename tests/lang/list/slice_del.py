l = list(range(10))
del l[2:4]
print(l)
del l[::3]
print(l)
del l[-2:]
print(l)
l = list(range(10))
del l[::-2]
print(l)
l = list(range(10))
del l[1:8:3]
print(l)
del l[:]
print(l)
l = list(range(5))
del l[0]
del l[-1]
print(l)
try:
    del l[10]
except IndexError as e:
    print(type(e).__name__)
