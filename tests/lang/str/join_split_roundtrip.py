for sep in [',', '::', ' ', 'é']:
    parts = ['a', '', 'bc', 'dé']
    s = sep.join(parts)
    print(repr(s), s.split(sep) == parts, s.rsplit(sep) == parts, len(s))
print('a b'.split(' ') == ['a', 'b'])
print('\n'.join(['x', 'y']).splitlines())
