def f(x):
    print("eval", x)
    return x
d = {f('k1'): f('v1'), f('k2'): f('v2')}
print(d)
l = [f(1), f(2)]
f(3)(*[]) if False else None
print(f('a') + f('b'))
