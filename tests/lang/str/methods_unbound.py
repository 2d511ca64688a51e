print(str.upper('abc'), str.join(',', ['a', 'b']), str.split('a b'))
print(list(map(str.strip, [' a ', 'b '])))
f = 'x-y'.split
print(f('-'))
