try:
    1 / 2
except TypeError as e:
    print('TypeError', e)
try:
    x = 2**100
    x / 3
except TypeError as e:
    print('TypeError', e)
