a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b) = [3, 4]
print(a, b)
[a, b] = 5, 6
print(a, b)
a, (b, c) = 1, (2, 3)
print(a, b, c)
x = y = z = 0
print(x, y, z)
a, b = c, d = 1, 2
print(a, b, c, d)
t = 1,
print(t)
t = ()
print(t)
for (i, j) in [(1, 2)]:
    print(i, j)
a, = [5]
print(a)
class O: pass
o = O()
o.x, o.y = 1, 2
print(o.x, o.y)
l = [0, 0]
l[0], l[1] = 8, 9
print(l)
