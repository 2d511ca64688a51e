s = 'hello'
print(s, len(s), s[0], s[-1], s[1:3])
print('' == '', 'a' == 'a', 'a' != 'b')
print(str(), str(123), str('x'), str(None), str(True))
print(repr('abc'), repr(''))
t = 'he' + 'llo'
print(t == s, t is not None)
print(bool(''), bool('a'))
