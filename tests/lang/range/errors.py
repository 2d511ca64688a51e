try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range('a')
except TypeError:
    print('TypeError')
try:
    range()
except TypeError:
    print('TypeError')
