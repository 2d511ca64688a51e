s = 'abc'
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    del s[0]
except TypeError as e:
    print('TypeError', e)
b = b'abc'
try:
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
