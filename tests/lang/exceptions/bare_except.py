try:
    raise OSError(2)
except:
    print("bare")
def f():
    try:
        1 // 0
    except:
        return "handled"
print(f())
