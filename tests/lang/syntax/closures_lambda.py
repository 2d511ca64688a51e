fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make(n):
    return lambda x: x + n
print(make(3)(4))
adders = {k: (lambda v, k=k: v + k) for k in range(2)}
print(adders[1](10))
print((lambda *a: len(a))(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2))
