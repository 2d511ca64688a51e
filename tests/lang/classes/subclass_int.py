class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
print(m.double(), m + 1, isinstance(m, int), m == 21)
class Sec(int):
    def __str__(self):
        return "sec"
print(str(Sec(5)), Sec(5) + 5)
