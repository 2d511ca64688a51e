class R:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(R(3)))
for v in R(2):
    print(v)
a, b = R(2)
print(a, b)
