# Functions with defaults, *args or **kwargs called with no arguments at all from native code
# (iter(callable, sentinel)): each call sees its defaults and empty *args/**kwargs.
def f(*a, **k):
    print("f", a, k)
    return len(a)


def g(x=5, *, y=6):
    print("g", x, y)
    return x


def h(x=1, **k):
    print("h", x, k)
    return x


print(list(iter(f, 0)))
print(list(iter(g, 5)))
print(list(iter(h, 1)))
print(list(iter(lambda *a: 3, 3)))
