from micropython import const
X = const(10)
_Y = const(X * 2)
Z = const(_Y + 1)
def f():
    return X + _Y + Z
print(X, Z, f())
print('X' in globals(), '_Y' in globals(), 'Z' in globals())
