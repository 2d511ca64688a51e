class A:
    def __init__(self):
        self.v = 1
        def inner():
            return self.v
        self.f = inner
    def s(self):
        return super().__init__ is not None
print(A().f(), A().s())
class B:
    x = 1
    def get(self):
        return [__class__ for _ in range(1)][0].__name__
print(B().get())
def gen_finally():
    try:
        yield 1
    finally:
        yield 2
g = gen_finally()
print(next(g), next(g))
def deco(cls):
    return cls
@deco
class C(A):
    def __init__(self):
        super().__init__()
        self.w = 2
print(C().v, C().w)
x = 10
class D:
    x = x + 1
print(D.x)
def f():
    y = 5
    class E:
        y2 = y * 2
    return E.y2
print(f())
try:
    with open_cm() as z:
        pass
except NameError as e:
    print("NameError ok")
def multi():
    try:
        pass
    finally:
        pass
    for i in range(3):
        try:
            continue
        finally:
            print("cont", i)
multi()
def nested_try():
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise TypeError(2)
        finally:
            print("inner finally")
    except TypeError as e:
        return e.args
print(nested_try())
lst = [1, 2, 3]
lst[1:2] += [9]
print(lst)
a = b = c = 7
print(a, b, c)
i = j = 0
x, y = y, x = 1, 2
print(x, y)
def kwo(*, a=1, b):
    return a, b
print(kwo(b=3))
print(*[1, 2], sep="-")
def retfin():
    for x in range(3):
        try:
            return x
        finally:
            if x == 0:
                continue
print(retfin())
def gen_ret_try():
    try:
        yield 1
    except GeneratorExit:
        print("GE")
        raise
gg = gen_ret_try(); next(gg); gg.close()
print(type(lambda: 0).__name__)
class Meta(type):
    pass
print([k for k in {'a': 1}])
def star_target():
    for a, *b in [(1, 2, 3), (4,)]:
        print(a, b)
star_target()
t = 1,
print(t)
print({**{}, **{'k': 1}}, [*()])
def outer():
    v = 0
    def incr():
        nonlocal v
        v += 1
    for _ in range(3): incr()
    return v
print(outer())
