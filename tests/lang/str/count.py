s = 'aaaa'
print(s.count('a'), s.count('aa'), s.count(''), s.count('a', 1), s.count('a', 1, 3), s.count('b'))
print('abcabc'.count('bc'), 'ab'.count('', 5), 'ééé'.count('é'), 'ééé'.count(''))
