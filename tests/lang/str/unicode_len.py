for s in ['', 'a', 'é', '中文字', 'a☃b', '\U0001f600x']:
    print(repr(s), len(s), len(s.encode()))
s = 'añb'
print(s.upper(), s.index('b'), s[2], s[-2])
