class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        self._c = None
t = Temp()
print(t.c)
t.c = 25
print(t.c, t._c)
try:
    t.c = -300
except ValueError as e:
    print("ValueError", e)
del t.c
print(t.c)
