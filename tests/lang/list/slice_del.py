l = list(range(10))
del l[2:4]
print(l)
del l[-2:]
print(l)
del l[-100:1]
print(l)
del l[4:2]
print(l)
del l[5:100]
print(l)
del l[None:2:None]
print(l)
del l[1::1]
print(l)
l = list(range(10))
print(l[::3], l[::-2], l[1:8:3])
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
