def g():
    try:
        yield 1
        return 5
    finally:
        print("finally")
print(list(g()))
