print(b'%s-%d' % (b'ab', 5), b'%x' % 255, b'%5s|' % b'a', b'%c%c' % (65, b'B'))
print(b'%r' % 'x', b'%%', b'%b' % bytearray(b'q'))
try:
    b'%s' % 'str'
except TypeError:
    print('TypeError')
