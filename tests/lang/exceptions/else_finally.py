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
f(0); f(1)
