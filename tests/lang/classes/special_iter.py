class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)))
for x in Count(3):
    print(x)
print(sum(Count(10)), 3 in Count(5), 9 in Count(5))
it = iter(Count(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
