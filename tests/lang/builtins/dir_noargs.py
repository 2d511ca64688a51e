zzz = 1
print("zzz" in dir())
def f():
    return "zzz" in dir()
print(sorted(dir())[:0])
