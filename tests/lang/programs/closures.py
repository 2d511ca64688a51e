# Closures: counters, nonlocal, late binding in loops, default-argument capture, nested scopes.
def make_counter(start=0):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


c1, c2 = make_counter(), make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()


print(outer())
G = 1


def use_global():
    global G
    G += 1
    return G


print(use_global(), use_global(), G)


def acc():
    items = []

    def add(x):
        items.append(x)
        return len(items)
    return add, items


add, items = acc()
add("a"); add("b")
print(items)
