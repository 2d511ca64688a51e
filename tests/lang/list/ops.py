a = [1, 2]
b = [3]
print(a + b, a * 3, 3 * a, a * 0, a * -1, [] * 5)
c = a
c *= 2
print(a, c is a)
c *= 0
print(a)
try:
    [1] + (2,)
except TypeError:
    print('TypeError')
try:
    [1] * 'a'
except TypeError:
    print('TypeError')
print(2 in [1, 2], 5 in [1, 2], 5 not in [1, 2], [1] in [[1], 2])
