s = set()
s.add(1); s.add(2); s.add(1)
print(sorted(s))
s.remove(1)
print(sorted(s))
try:
    s.remove(1)
except KeyError as e:
    print(type(e).__name__, e)
s.discard(2)
s.discard(2)
print(s)
s = {5}
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__)
