class C:
    def m(self, a, b=2, *args, c=3, **kw):
        return (a, b, args, c, sorted(kw.items()))
c = C()
print(c.m(1))
print(c.m(1, 5, 6, 7, c=8, z=9))
args = (1, 2, 3)
kw = {"c": 4, "q": 5}
print(c.m(*args, **kw))
