try:
    '%s %s' % ('a',)
except TypeError as e:
    print(e)
try:
    '%s' % ('a', 'b')
except TypeError as e:
    print(e)
try:
    '%y' % 5
except ValueError as e:
    print(e)
