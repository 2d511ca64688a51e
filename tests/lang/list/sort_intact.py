l = [3, 1, 2]
def bad(x):
    if x == 2:
        raise ValueError('bad')
    return x
try:
    l.sort(key=bad, reverse=True)
except ValueError as e:
    print('ValueError', e)
print(l)
l.sort(key=lambda x: -x)
print(l)
l.sort(key=None)
print(l)
