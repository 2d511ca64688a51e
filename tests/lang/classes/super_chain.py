class A:
    def f(self):
        return ["A"]
class B(A):
    def f(self):
        return ["B"] + super().f()
class C(B):
    def f(self):
        return ["C"] + super().f()
print(C().f())
class X:
    def __init__(self):
        self.log = ["X"]
class Y(X):
    def __init__(self):
        super().__init__()
        self.log.append("Y")
print(Y().log)
