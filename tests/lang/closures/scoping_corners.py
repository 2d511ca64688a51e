# scoping corner cases
x = 0
def a():
    return x
def b():
    x = 1
    def c():
        return x
    return c()
def d():
    global x
    x = 5
    return a()
print(a(), b(), d(), x)
def e():
    lst = []
    for i in range(3):
        lst.append(lambda: i)
    return [f() for f in lst]
print(e())
def f(n):
    def g():
        return n * 2
    n += 1
    return g()
print(f(1))
def h():
    v = 1
    def i():
        def j():
            return v
        return j
    v = 2
    return i()()
print(h())
def k(*args, **kwargs):
    def m():
        return args, sorted(kwargs)
    return m()
print(k(1, 2, a=3))
class C:
    a = 1
    b = [a for _ in range(2)] if False else [1]
    def m(self):
        try:
            return a.__name__
        except NameError:
            return "NameError"
print(C().m())
def n():
    return [lambda: j for j in range(2)][0]()
print(n())
def o():
    y = 1
    return [y + z for z in range(3)]
print(o())
def p():
    q = 0
    def r():
        nonlocal q
        q = [q for q in range(3)]
    r()
    return q
print(p())
g = 1
def s():
    return [g for _ in range(2)]
print(s())
def t(a, b=lambda: 5):
    return a + b()
print(t(1))
def u():
    yield from (lambda: (yield 3))()
print(list(u()))
