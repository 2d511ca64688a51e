def g():
    yield 1
    yield 2
print(tuple(g()), tuple(x * 2 for x in (1, 2)), tuple(map(abs, [-1])), tuple({3}))
print(tuple(zip('ab', 'cd')), tuple(enumerate('x')))
try:
    tuple(1)
except TypeError:
    print('TypeError')
