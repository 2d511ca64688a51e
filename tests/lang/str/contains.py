s = 'hello world'
print('ell' in s, 'xyz' in s, '' in s, 'world' not in s, 'd' in s)
print('ö' in 'zöz')
try:
    1 in 'abc'
except TypeError:
    print('TypeError')
