print(isinstance(1, int), isinstance(True, int), isinstance(True, bool))
print(isinstance("a", str), isinstance(b"a", bytes), isinstance([], list))
print(isinstance(1, (str, int)), isinstance(1, (str, list)))
print(isinstance(None, object), isinstance(int, type))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, A)))
try:
    isinstance(1, 2)
except TypeError:
    print("TypeError")
