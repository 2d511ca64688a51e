try:
    1 // 0
except ZeroDivisionError:
    print("zde")
try:
    [][1]
except (KeyError, IndexError) as e:
    print("caught", type(e).__name__)
try:
    raise ValueError("v")
except TypeError:
    print("no")
except ValueError as e:
    print("value", e)
else:
    print("no else")
try:
    pass
except Exception:
    pass
else:
    print("else ran")
try:
    raise KeyError("k")
except:
    print("bare")
def f():
    try:
        return 1
    finally:
        print("finally")
print(f())
