log = []
def f(x):
    log.append(x)
    return x * 2
m = map(f, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)
z = zip(iter([1, 2, 3]), [])
print(list(z))
