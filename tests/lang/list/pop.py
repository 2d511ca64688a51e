l = list(range(6))
print(l.pop(), l)
print(l.pop(0), l)
print(l.pop(-2), l)
print(l.pop(1), l)
try:
    l.pop(10)
except IndexError as e:
    print(type(e).__name__)
l = []
try:
    l.pop()
except IndexError as e:
    print(type(e).__name__, e)
