t = (3, 4, 5)
for x in t:
    print(x)
it = iter(t)
print(next(it), list(it))
print(list(reversed(t)))
print(sum(t), max(t), min(t))
print(tuple(x for x in t if x > 3))
