try:
    format(5, 's')
except ValueError as e:
    print(e)
try:
    format('a', 'd')
except ValueError as e:
    print(e)
try:
    format(5, '.2')
except ValueError as e:
    print(e)
try:
    '{'.format()
except ValueError as e:
    print(e)
try:
    '}'.format()
except ValueError as e:
    print(e)
