def inner():
    try:
        yield 1
    except ValueError:
        yield "inner caught"
    return "ret"
def outer():
    r = yield from inner()
    yield r
o = outer()
print(next(o))
print(o.throw(ValueError))
print(next(o))
def inner2():
    try:
        yield 1
    finally:
        print("inner2 closed")
def outer2():
    yield from inner2()
o2 = outer2()
next(o2)
o2.close()
print("closed")
