d = {'name': 'bob', 'n': 3}
print('%(name)s has %(n)d items' % d)
print('%(n)05d %(name)r' % d)
print('%(name)s' % {'name': 'x', 'extra': 1})
print('no fields' % {})
try:
    '%(missing)s' % d
except KeyError as e:
    print('KeyError', e)
