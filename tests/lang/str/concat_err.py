try:
    'a' + 1
except TypeError as e:
    print('TypeError', e)
try:
    'a' + b'b'
except TypeError as e:
    print('TypeError')
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError')
