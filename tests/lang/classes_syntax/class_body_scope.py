x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
print(C.y, C().m())
class D:
    a = 1
    b = [a * 2]
    c = a + 1
print(D.b, D.c)
