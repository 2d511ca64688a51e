res = []
for i in range(6):
    try:
        if i % 2:
            raise ValueError(i)
        res.append(i)
    except ValueError as e:
        res.append(-e.args[0])
print(res)
n = 0
while True:
    try:
        n += 1
        if n > 3:
            raise StopIteration
    except StopIteration:
        break
print(n)
