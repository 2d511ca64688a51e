def f():
    y = 10
    return [x + y for x in range(3)]
print(f())
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
print(C.doubled)
def g():
    data = [1, 2, 3]
    return list(v * k for k in data for v in data if v > k)
print(g())
