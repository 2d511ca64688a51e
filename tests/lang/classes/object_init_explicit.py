class A:
    def __init__(self):
        object.__init__(self)
        self.v = 1
print(A().v)
class B(A):
    def __init__(self):
        A.__init__(self)
        self.w = 2
b = B()
print(b.v, b.w)
class C:
    def __init__(self, x):
        super().__init__()
        self.x = x
print(C(3).x)
