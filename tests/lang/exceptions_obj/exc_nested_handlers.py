def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except ValueError:
        print("not here")
def level1():
    try:
        level2()
    except LookupError as e:
        return "got " + type(e).__name__
print(level1())
