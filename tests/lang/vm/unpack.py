a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, c]] = [4, [5, 6]]
print(a, b, c)
a, *b = [1, 2, 3]
print(a, b)
*a, b = (1, 2, 3)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = "xy"
print(a, b, c)
x, y = "ab"
print(x, y)
a, b, c = (i * 2 for i in range(3))
print(a, b, c)
