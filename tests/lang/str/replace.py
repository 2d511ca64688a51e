s = 'aaa bbb aaa'
print(s.replace('aaa', 'x'), s.replace('aaa', 'x', 1), s.replace('zz', 'y'), s.replace('a', ''))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'))
print('aaaa'.replace('aa', 'b'), 'héllo'.replace('é', 'e'), 'abc'.replace('b', 'ü'))
print('abc'.replace('abc', 'abcabc'), 'a.b.c'.replace('.', '', -1))
