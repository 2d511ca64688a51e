t = (1, 2)
try:
    t[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[0] = 1
except TypeError:
    print('TypeError')
try:
    t['x']
except TypeError:
    print('TypeError')
