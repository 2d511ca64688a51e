l = [5, 2, 8, 1, 9, 3, 7, 4, 6, 0]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
s = ['pear', 'apple', 'fig', 'banana']
s.sort()
print(s)
s.sort(key=len)
print(s)
s.sort(key=len, reverse=True)
print(s)
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)))
print(sorted([3, 1, 2], reverse=True))
e = []
e.sort()
print(e)
