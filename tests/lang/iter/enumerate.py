print(list(enumerate('abc')))
print(list(enumerate('abc', 5)), list(enumerate('ab', start=-1)), list(enumerate([])))
for i, x in enumerate([10, 20]):
    print(i, x)
e = enumerate(range(3))
print(next(e), next(e), list(e))
print(list(enumerate(x for x in 'xy')))
