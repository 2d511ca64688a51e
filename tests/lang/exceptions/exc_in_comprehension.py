def bad(x):
    if x == 3:
        raise ValueError(x)
    return x
try:
    [bad(i) for i in range(5)]
except ValueError as e:
    print("list", e.args)
try:
    {i: bad(i) for i in range(5)}
except ValueError as e:
    print("dict", e.args)
try:
    sum(bad(i) for i in range(5))
except ValueError as e:
    print("gen", e.args)
print([i for i in range(5) if i != 3])
