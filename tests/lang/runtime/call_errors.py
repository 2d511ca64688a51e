for f in (1, "s", None, [1]):
    try:
        f()
    except TypeError:
        print("TypeError", type(f).__name__)
def g(a):
    return a
try:
    g()
except TypeError:
    print("TypeError missing")
try:
    g(1, 2)
except TypeError:
    print("TypeError extra")
try:
    g(b=1)
except TypeError:
    print("TypeError kw")
