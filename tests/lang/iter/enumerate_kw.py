print(list(enumerate(iterable='ab', start=3)))
print(list(enumerate('ab', start=True)))
e = enumerate([])
print(iter(e) is e, list(e))
try:
    enumerate()
except TypeError:
    print('TypeError')
