b = b'abcdefghij'
print(b[2:5], b[-3:], b[100:], b[:-100], b[-100:100], b[-4:-1], b[8:2], b[-1:-5])
print(b[1:2], b[5:2], b[None:3], b[7:None], b[::], b[::1], b[2:6:None], b[-3::1])
print(bytes(reversed(b)), bytes(list(b)[::2]), bytes(list(b)[8:2:-2]))
try:
    b[10]
except IndexError:
    print('IndexError')
