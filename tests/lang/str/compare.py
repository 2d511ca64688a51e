print('a' < 'b', 'b' < 'a', 'a' < 'ab', 'ab' < 'a', 'abc' <= 'abc', 'abd' >= 'abc')
print('Z' < 'a', 'é' > 'z', '' < 'a')
print(sorted(['pear', 'apple', 'fig', 'Apple', 'éclair']))
print(max('abc', 'abd'), min('x', 'xy'))
try:
    'a' < 1
except TypeError:
    print('TypeError')
print('a' == 1, 'a' != 1)
