t = 0
for i in range(100000):
    t += i
print(t)
t = 0
for i in range(100, 0, -7):
    t += i
print(t)
n = 0
for i in range(3):
    for j in range(i, 3):
        n += 1
print(n)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, 'end'))
