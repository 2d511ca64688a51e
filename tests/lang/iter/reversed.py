print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(3))))
class R:
    def __reversed__(self):
        return iter([9, 8])
print(list(reversed(R())))
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(S())))
try:
    reversed(5)
except TypeError:
    print('TypeError')
try:
    reversed({1, 2})
except TypeError:
    print('TypeError')
l = [1, 2, 3]
r = reversed(l)
print(next(r))
l.clear()
print(list(r))
