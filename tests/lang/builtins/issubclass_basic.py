class A: pass
class B(A): pass
class C: pass
print(issubclass(B, A), issubclass(A, B), issubclass(A, A))
print(issubclass(B, (C, A)), issubclass(C, (A, B)))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(IndexError, KeyError))
for bad in ((1, int), (A, 1)):
    try:
        issubclass(*bad)
    except TypeError:
        print("TypeError")
