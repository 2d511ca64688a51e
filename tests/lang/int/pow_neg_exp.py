try:
    2 ** -1
except ValueError as e:
    print('ValueError', e)
try:
    (2**100) ** -3
except ValueError as e:
    print('ValueError', e)
try:
    pow(10, -2)
except ValueError as e:
    print('ValueError', e)
