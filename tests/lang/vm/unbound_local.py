def f():
    print(x)
    x = 1
try:
    f()
except NameError as e:
    print(type(e).__name__ in ("NameError", "UnboundLocalError"))
