def f(x):
    print("eval", x)
    return x
l = [f(1), f(2)]
f(3)(*[]) if False else None
print(f('a') + f('b'))
