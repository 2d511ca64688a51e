def f(*a):
    return a
print(f(*range(3)), f(*'ab', *[1]), f(*{1: 2}))
print([*map(str, [1, 2])])
