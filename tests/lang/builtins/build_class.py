class A:
    def __init__(self, v):
        self.v = v
class B(A):
    pass
print(B(3).v, type(B(1)).__name__)
import builtins
print(callable(builtins.__build_class__))
