x = 3
print("a" if x > 2 else "b")
print("a" if x > 5 else "b" if x > 2 else "c")
print((1 if x else 2) + 10)
y = 1 if x == 3 else 0
print(y)
f = lambda v: "pos" if v > 0 else "neg" if v < 0 else "zero"
print(f(1), f(-1), f(0))
print([i if i % 2 else -i for i in range(5)])
