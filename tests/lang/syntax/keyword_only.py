def f(a, *, b, c=3):
    return a + b + c
print(f(1, b=2), f(1, c=0, b=2))
try:
    f(1, 2)
except TypeError:
    print("TypeError")
def g(*args, key=None, **rest):
    return args, key, sorted(rest)
print(g(1, 2, key="k", z=1))
class C:
    def m(self, *, flag=False):
        return flag
print(C().m(), C().m(flag=True))
