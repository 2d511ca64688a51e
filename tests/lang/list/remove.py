l = [1, 2, 3, 2, 1]
l.remove(2)
print(l)
l.remove(1)
print(l)
try:
    l.remove(99)
except ValueError as e:
    print(type(e).__name__)
