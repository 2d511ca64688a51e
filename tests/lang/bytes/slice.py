b = b'abcdefghij'
print(b[2:5], b[::2], b[::-1], b[-3:], b[100:], b[8:2:-2])
print(b[1:2], b[5:2])
try:
    b[10]
except IndexError:
    print('IndexError')
