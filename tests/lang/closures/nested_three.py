def a():
    x = 'a'
    def b():
        def c():
            return x + '!'
        return c
    return b
print(a()()())
def outer():
    v = 1
    def mid():
        nonlocal v
        def inner():
            nonlocal v
            v += 10
        inner()
        v += 1
        return v
    return mid
print(outer()())
