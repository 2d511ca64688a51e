def f():
    try:
        print("try")
        raise IndexError("i")
    except IndexError as e:
        print("except", e)
        return 1
    finally:
        print("finally")
print(f())
