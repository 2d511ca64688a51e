def deco(fn):
    def w(*a):
        return "<" + str(fn(*a)) + ">"
    return w
def deco_arg(tag):
    def d(fn):
        def w(*a):
            return tag + str(fn(*a))
        return w
    return d
@deco
def f(x):
    return x * 2
print(f(3))
@deco_arg("T:")
@deco
def g():
    return 1
print(g())
def cls_deco(c):
    c.tagged = True
    return c
@cls_deco
class C:
    pass
print(C.tagged)
decos = [deco]
@decos[0]
def h():
    return 0
print(h())
class O:
    @staticmethod
    def s(): return "s"
    @property
    def p(self): return "p"
print(O.s(), O().p)
