r = range(0, 20, 3)
print(0 in r, 3 in r, 4 in r, 18 in r, 21 in r, -3 in r, True in range(3), 'a' in r)
r = range(10, 0, -2)
print(10 in r, 2 in r, 0 in r, 5 in r)
print(r.index(6), r.count(6), r.count(7))
try:
    r.index(7)
except ValueError as e:
    print(type(e).__name__)
