data = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (2, 'e'), (1, 'f'), (0, 'g')] * 5
r = sorted(data, key=lambda t: t[0])
print(r)
r = sorted(data, key=lambda t: t[0], reverse=True)
print(r)
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'g']
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
