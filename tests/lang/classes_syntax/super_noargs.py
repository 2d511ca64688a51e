class A:
    def hello(self):
        return "A"
    def __init__(self):
        self.a = 1
class B(A):
    def hello(self):
        return "B" + super().hello()
    def __init__(self):
        super().__init__()
        self.b = 2
class C(B):
    def hello(self):
        return "C" + super().hello()
c = C()
print(c.hello(), c.a, c.b)
