print(bytearray(b'%d-%s') % (5, b'x'), type(bytearray(b'%d') % 1).__name__)
print(sorted([b'b', bytearray(b'a'), b'ab']), bytearray(b'a') <= b'a', b'b' > bytearray(b'a'))
print(sorted(['pear', 'é', 'apple', 'Z', 'z' * 3, '']))
