class C:
    def m(self, a, b=10, *, c=100):
        return a + b + c
c = C()
print(c.m(1), c.m(1, 2), c.m(1, c=3), c.m(a=1, b=1, c=1))
m = c.m
print(m(5, c=0))
