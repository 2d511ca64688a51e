l = list(range(10))
print(l[0], l[-1], l[2:5], l[::2], l[::-1][:3], l[-3:])
t = tuple(l)
print(t[1], t[-2], t[1:3])
s = "hello"
print(s[1], s[-1], s[1:4], list(s)[::-1], s[-4:-1])
l[0] = 100
l[-1] = 99
l[1:3] = ['a', 'b', 'c']
print(l)
try:
    l[100]
except IndexError:
    print("IndexError")
d = {(1, 2): 'x'}
print(d[1, 2])
