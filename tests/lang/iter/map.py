print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))))
m = map(lambda x: x + 1, [1])
print(next(m), next(m, 'done'))
try:
    map(abs)
except TypeError:
    print('TypeError')
print(list(map(lambda *a: sum(a), [1], [2], [3], [4], [5], [6], [7], [8], [9], [10])))
