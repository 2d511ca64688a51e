for c in 'abc':
    print(c)
print(list('héllo'))
it = iter('xy')
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print('stop')
print(tuple(''), [c * 2 for c in 'ab'])
