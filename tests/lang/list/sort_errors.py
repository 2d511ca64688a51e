try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError')
l = [3, 1, 2]
try:
    l.sort(key=lambda x: 1 // (x - 2))
except ZeroDivisionError:
    print('ZeroDivisionError')
print(sorted(l))
try:
    l.sort(1)
except TypeError:
    print('TypeError')
