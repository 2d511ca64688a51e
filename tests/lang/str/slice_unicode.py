s = 'héllo wörld ☃!'
print(len(s))
print(s[1], s[7], s[12])
print(s[1:5], s[-3:], s[2:-2], s[-100:3], s[12:100])
print("".join(reversed(s)), "".join(list(s)[::2]), "".join(list(s)[::3]))
print(list(s[:4]))
