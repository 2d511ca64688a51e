# micropython.const() takes ints, str, bytes, None/True/False/... and tuples of constants (as
# MicroPython with MICROPY_COMP_CONST_TUPLE); a name bound by it is replaced by the object at
# compile time; a literal tuple of constants is one object made by the compiler.
from micropython import const

_I = const(12)
_S = const("str")
_B = const(b"by")
_T = const((_I, _S, _B))
_T2 = const((None, False, True, ..., (), _T))
PUBLIC = const((1, 2))

print(_I, _S, _B, _T, _T2, PUBLIC)
print("_T" in globals(), "PUBLIC" in globals())
x = _T
print(x is _T, x is (_I, _S, _B))


def f():
    return _T2


print(f() is _T2)


def lit():
    return (1, "a", (None, b"z"))


print(lit() is lit(), lit())

for src in ("A = const([1])", "A = const(y)", "A = const('a' + 'b')", "A = const(1 + 2); print(A)",
            "A = const(-5 * 3); print(A)", "A = const(1 << 70); print(A)", "A = const((1, [2]))"):
    try:
        exec("from micropython import const\n" + src)
    except SyntaxError as e:
        print("SyntaxError:", e)
