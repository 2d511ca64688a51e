class C:
    x = 1
c = C()
print(c.x)
C.x = 2
print(c.x)
C.y = 3
print(c.y)
del C.y
print(hasattr(c, "y"))
def m(self):
    return "m" + str(self.x)
C.m = m
print(c.m())
