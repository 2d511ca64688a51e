class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
a = Adder(10)
print(a(1), a(1, 2), a(x=5), a(1, y=3))
print(list(map(a, [1, 2, 3])))
print(callable(a), callable(Adder), callable(1))
