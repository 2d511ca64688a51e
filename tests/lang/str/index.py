s = 'abcdef'
for i in range(-6, 6):
    print(i, s[i])
try:
    s[6]
except IndexError as e:
    print('IndexError', e)
try:
    s[-7]
except IndexError as e:
    print('IndexError', e)
