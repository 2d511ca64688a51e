# object.__new__ of a builtin type, type() with a non-tuple or non-dict, super() with an unrelated
# object, object.__setattr__/__delattr__ with a non-string name: TypeError each.
class U:
    pass

def check(label, f):
    try:
        f()
        print(label, 'no error')
    except TypeError:
        print(label, 'TypeError')

check('object.__new__(int)', lambda: object.__new__(int))
check('object.__new__(1)', lambda: object.__new__(1))
print(type(object.__new__(U)).__name__, type(object.__new__(object)).__name__)
check('type bases None', lambda: type('T', None, {}))
check('type dict None', lambda: type('T', (), None))
check('type dict list', lambda: type('T', (), []))
check('type base int', lambda: type('T', (1,), {}))
print(type('T', (U,), {'k': 1}).k)
check('super(str, 0)', lambda: super(str, 0))
check('super(str, int)', lambda: super(str, int))
check('super(0, int)', lambda: super(0, int))
print(super(U, U()).__str__ is not None, super(U, U) is not None)
u = U()
check('__setattr__ 5', lambda: object.__setattr__(u, 5, 5))
check('__delattr__ 5', lambda: object.__delattr__(u, 5))
object.__setattr__(u, 'x', 1)
print(u.x)
object.__delattr__(u, 'x')
print(hasattr(u, 'x'))
