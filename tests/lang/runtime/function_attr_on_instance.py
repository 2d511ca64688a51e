class C:
    pass
def f(x):
    return x + 1
c = C()
c.f = f
print(c.f(1))
C.g = f
try:
    print(c.g())
except TypeError:
    print("TypeError")
