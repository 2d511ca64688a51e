print(list({1: 2, 3: 4}))
print(list(x for x in range(3)))
print(list([1, 2]) is not None)
a = [1, 2]
print(list(a) is a, list(a) == a)
try:
    list(5)
except TypeError:
    print('TypeError')
try:
    list(1, 2)
except TypeError:
    print('TypeError')
