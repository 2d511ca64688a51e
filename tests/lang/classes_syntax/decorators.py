def add_attr(cls):
    cls.extra = "added"
    return cls
@add_attr
class A:
    pass
print(A.extra)
class B:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    def p(self):
        return 42
print(B.s(2), B().s(3), B.c(), B().c(), B().p)
