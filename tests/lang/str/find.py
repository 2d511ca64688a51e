s = 'abcabcabc'
print(s.find('b'), s.find('b', 2), s.find('b', 2, 4), s.find('b', 2, 3), s.find('x'))
print(s.rfind('b'), s.rfind('b', 0, 7), s.rfind('abc'), s.rfind('x'))
print(s.find(''), s.find('', 3), s.find('', 9), s.find('', 10), s.rfind(''))
print(s.find('c', -4), s.find('c', -100, -5), s.find('a', None, None))
print('héllo'.find('l'), 'héllo'.rfind('l'), 'ééé'.find('é', 1))
