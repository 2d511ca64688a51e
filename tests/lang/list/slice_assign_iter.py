l = [0, 1, 2, 3, 4]
l[1:3] = (x * 10 for x in range(4))
print(l)
l[3:] = iter(['a', 'b', 'c'])
print(l)
l[-2:] = {}
print(l)
l[:] = 'hi'
print(l)
l[1:1] = map(str, range(3))
print(l)
l[::1] = reversed(l)
print(l)
try:
    l[0:1] = 5
except TypeError:
    print('TypeError')
