class A: pass
class B(A): pass
class C(B): pass
class X: pass
c = C()
print(isinstance(c, A), isinstance(c, (X, B)), isinstance(c, X), isinstance(c, (X,)))
print(issubclass(C, A), issubclass(A, C), issubclass(C, (X, A)), issubclass(A, A))
print(isinstance(c, object), issubclass(C, object), isinstance(1, object))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
print(isinstance("s", (int, str)), isinstance([], (tuple, dict)))
