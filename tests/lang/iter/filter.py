print(list(filter(None, [0, 1, '', 'a', None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isdigit, 'a1b2')))
