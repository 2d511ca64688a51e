def f():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("fin")
print(f())
def g():
    for i in range(3):
        try:
            raise KeyError
        except KeyError:
            if i == 1:
                break
            continue
    return i
print(g())
