def f(x):
    try:
        if x:
            raise ValueError
        print("body")
    except ValueError:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
f(0)
f(1)
for i in range(3):
    try:
        if i == 1:
            continue
        print("i", i)
    finally:
        print("f", i)
try:
    try:
        raise KeyError(1)
    finally:
        print("inner finally")
except KeyError:
    print("outer")
