def f():
    try:
        try:
            return "inner"
        finally:
            print("f1")
    finally:
        print("f2")
print(f())
def g():
    while True:
        try:
            try:
                break
            finally:
                print("a")
        finally:
            print("b")
    return "out"
print(g())
