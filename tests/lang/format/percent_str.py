print('[%5s][%-5s][%.2s][%5.1s][%-6.3s]' % ('abc', 'abc', 'abc', 'abc', 'abcdef'))
print('[%*d][%-*d][%.*s]' % (5, 1, 4, 2, 2, 'xyz'))
print('[%*s]' % (-4, 'a'))
print('[%s]' % 'é☃', '[%3s]' % 'é')
