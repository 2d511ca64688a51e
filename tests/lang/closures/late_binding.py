fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make():
    x = 1
    f = lambda: x
    x = 2
    return f
print(make()())
