class G:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(G()))
for x in G():
    print(x)
print(3 in G() if hasattr(G, '__contains__') else 'skip')
it = iter(G())
print(next(it), next(it))
class H:
    def __getitem__(self, i):
        if i > 2:
            raise StopIteration
        return 'h%d' % i
print(list(H()))
class E:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(E())
except KeyError:
    print('KeyError')
