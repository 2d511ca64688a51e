try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError', e)
try:
    ','.join([b'a'])
except TypeError as e:
    print('TypeError', e)
try:
    ','.join(5)
except TypeError as e:
    print('TypeError')
