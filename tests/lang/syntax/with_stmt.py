class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n, a[0] is None)
        return False
with CM(1):
    print("body")
with CM(2) as v:
    print("v", v)
with CM(3) as (a):
    print(a)
class Pair(CM):
    def __enter__(self):
        return (1, 2)
with Pair(4) as (x, y):
    print(x, y)
try:
    with CM(5):
        raise ValueError
except ValueError:
    print("propagated")
