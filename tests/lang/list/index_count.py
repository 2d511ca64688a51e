l = [5, 3, 5, 1, 5]
print(l.index(5), l.index(5, 1), l.index(5, 3), l.index(1, -3))
print(l.count(5), l.count(2), l.count(1))
try:
    l.index(5, 1, 2)
except ValueError as e:
    print(type(e).__name__)
try:
    l.index(7)
except ValueError as e:
    print(type(e).__name__)
print([[1], [2]].index([2]))
