def count(n=0):
    while True:
        yield n
        n += 1
out = []
for v in count(5):
    if v > 9:
        break
    out.append(v)
print(out)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
