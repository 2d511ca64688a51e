it = iter([1, 2])
print(iter(it) is it)
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print('StopIteration')
try:
    iter(5)
except TypeError:
    print('TypeError')
