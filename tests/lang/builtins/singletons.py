print(NotImplemented, Ellipsis, ... is Ellipsis)
print(type(None).__name__, None is None)
class A:
    def __eq__(self, o):
        return NotImplemented
print(A() == A())
