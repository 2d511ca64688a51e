print('a=b=c'.partition('='), 'a=b=c'.rpartition('='))
print('abc'.partition('='), 'abc'.rpartition('='))
print('abc'.partition('abc'), 'x::y'.partition('::'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError', e)
