s = 'héllo wörld ☃!'
print(len(s))
print(s[1], s[7], s[12])
print(s[1:5], s[::-1], s[::2], s[-3:])
print(s[::3])
print(list(s[:4]))
