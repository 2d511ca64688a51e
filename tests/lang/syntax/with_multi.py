class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)
with CM(1) as a, CM(2) as b:
    print(a, b)
with CM(3), CM(4):
    pass
with (CM(5) as c, CM(6) as d):
    print(c, d)
with (CM(7) as e,
      CM(8)):
    print(e)
with (CM(9)):
    pass
with (CM(10)) as f:
    print(f)
