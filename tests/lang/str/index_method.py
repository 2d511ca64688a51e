s = 'hello'
print(s.index('l'), s.rindex('l'), s.index('h', 0), s.index('o', -1))
try:
    s.index('z')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('z')
except ValueError as e:
    print('ValueError', e)
