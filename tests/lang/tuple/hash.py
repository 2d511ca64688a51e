print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash((1, 'a', (2, 3))) == hash((1, 'a', (2, 3))))
d = {(1, 2): 'a', (3,): 'b', (): 'c'}
print(d[(1, 2)], d[(3,)], d[()])
print((1, 2) in d, (2, 1) in d)
s = {(1, 2), (1, 2), (2, 1)}
print(len(s))
try:
    hash((1, [2]))
except TypeError:
    print('TypeError')
print(hash((True, 2)) == hash((1, 2)))
