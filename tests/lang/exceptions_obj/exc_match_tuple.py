def f(n):
    if n == 0:
        raise ValueError("v")
    if n == 1:
        raise KeyError("k")
    if n == 2:
        raise TypeError("t")
    return "ok"
for n in range(4):
    try:
        print(f(n))
    except (ValueError, KeyError) as e:
        print("VK", type(e).__name__)
    except TypeError as e:
        print("T", type(e).__name__)
