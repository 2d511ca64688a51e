class Single:
    inst = None
    def __new__(cls):
        if cls.inst is None:
            cls.inst = super().__new__(cls)
        return cls.inst
    def __init__(self):
        print("init")
a = Single()
b = Single()
print(a is b)
class Other:
    def __new__(cls, v):
        return v * 2
print(Other(21))
class WithArgs:
    def __new__(cls, *args):
        o = object.__new__(cls)
        o.args = args
        return o
print(WithArgs(1, 2).args)
