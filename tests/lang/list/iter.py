l = [1, 2, 3]
for x in l:
    print(x)
it = iter(l)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('stop')
l = [1, 2, 3]
out = []
for x in l:
    out.append(x)
    if x < 3:
        l.append(x + 10)
print(out)
print(list(reversed([1, 2, 3])))
print([x * 2 for x in range(5) if x % 2])
