a, b, c = (1, 2, 3)
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
try:
    a, b = (1, 2, 3)
except ValueError:
    print('ValueError')
try:
    a, b, c = (1, 2)
except ValueError:
    print('ValueError')
