try:
    raise ValueError
except ValueError as err:
    pass
try:
    err
except NameError:
    print("deleted")
def f():
    e = 1
    try:
        raise KeyError
    except KeyError as e:
        pass
    try:
        return e
    except NameError:
        return "gone"
print(f())
