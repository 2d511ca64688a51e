def build():
    out = []
    for i in range(3):
        def f(j=i):
            return j * 10
        out.append(f)
    return out
print([f() for f in build()])
def acc():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
a = acc()
print([a(i) for i in range(5)])
