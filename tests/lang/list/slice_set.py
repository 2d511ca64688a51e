l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[:0] = [100, 101]
print(l)
l[len(l):] = (7, 8)
print(l)
l[1:3] = []
print(l)
print(l[::2], l[::-3], l[-1:2:-4])
l[-3::1] = 'x' * 2
print(l)
l = list(range(6))
l[1:4] = range(10, 15)
print(l)
l[:] = l
print(l)
l[2:4] = l
print(l)
l = [1, 2, 3]
l[5:10] = [9]
print(l)
l[3:1] = [0]
print(l)
l[-100:-99] = [-1]
print(l)
