def a(x): return x + 1
def b(x): return a(x) * 2
def c(x): return b(a(x)) + a(b(x))
print(c(1), c(10))
print(list(map(a, [1, 2, 3])), list(filter(lambda v: v % 2, range(6))))
