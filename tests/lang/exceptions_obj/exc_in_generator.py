def gen():
    yield 1
    raise RuntimeError("gen fail")
g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)
