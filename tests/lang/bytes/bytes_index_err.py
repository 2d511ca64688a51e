try:
    b'ab'[5]
except IndexError as e:
    print('IndexError')
try:
    b'ab'[0] = 1
except TypeError:
    print('TypeError')
try:
    b'a' + 'b'
except TypeError:
    print('TypeError')
try:
    b'a'.decode('bogus')
except LookupError:
    print('LookupError')
