s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(0, 100).indices(7))
print([0, 1, 2, 3, 4, 5][slice(1, 5, 2)], list('abcdef')[slice(None, None, -2)], (1, 2, 3)[slice(2)])
print('abcdef'[slice(-4, None)], b'abc'[slice(1, 2, 1)], range(10)[slice(8, 1, -3)], (1, 2, 3)[slice(None, None, None)])
l = list(range(6))
l[slice(0, 2)] = ['a']
print(l)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
