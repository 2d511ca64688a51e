def deco(fn):
    def wrapper(*a, **k):
        print("before", fn.__name__)
        r = fn(*a, **k)
        print("after")
        return r
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(1, 2))
def tag(name):
    def d(fn):
        fn_tags = name
        return lambda *a: (fn_tags, fn(*a))
    return d
@tag("x")
@tag("y")
def mul(a, b):
    return a * b
print(mul(3, 4))
order = []
def rec(n):
    order.append(n)
    return lambda f: f
@rec(1)
@rec(2)
def q(): pass
print(order)
