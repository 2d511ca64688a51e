class A:
    pass
a = A()
a.b = A()
a.b.c = A()
a.b.c.d = 42
print(a.b.c.d)
a.b.c.d += 1
print(a.b.c.d)
