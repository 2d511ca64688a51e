def f(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "big"
print(f(-1), f(0), f(5), f(50))
if 1: print("one-liner")
if 0: print("no")
elif 1: print("elif one-liner")
if 0:
    pass
else: print("else one-liner")
x = 5
if x: y = 1; z = 2
print(y, z)
if (x
        > 3):
    print("multi-line cond")
