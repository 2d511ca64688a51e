s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.startswith(''), s.startswith('world', 6))
print(s.endswith('world'), s.endswith('hello'), s.endswith('hello', 0, 5), s.endswith(''))
print(s.startswith(('x', 'he')), s.endswith(('x', 'y')), s.startswith(('a',)))
print(s.startswith('h', 20), s.startswith('', 11), s.startswith('', 12), s.endswith('d', -1))
print('héllo'.startswith('hé'), 'héllo'.endswith('lo', 2))
