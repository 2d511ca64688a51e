def g():
    yield 1
    raise KeyError("in gen")
try:
    for x in g():
        print(x)
except KeyError as e:
    print("caught", e.args)
