def f(k):
    return [lambda: k * i for i in range(3)]
print([g() for g in f(2)])
def g(n):
    return {i: [j * n for j in range(i)] for i in range(3)}
print(g(3))
