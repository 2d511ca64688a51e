# MicroPython's generator.pend_throw(): thrown at the next resume; returns the pending one.
def counter():
    i = 0
    while True:
        try:
            yield i
        except KeyError:
            print('KeyError inside')
        i += 1

g = counter()
print(next(g), g.pend_throw(KeyError()), next(g))
print(g.pend_throw(ValueError()), type(g.pend_throw(None)).__name__, next(g))
g.pend_throw(ValueError('v'))
try:
    next(g)
except ValueError as e:
    print('ValueError', e)
g = counter()
g.pend_throw(KeyError())
try:
    next(g)
except KeyError:
    print('KeyError from an unstarted generator')
def self_pend():
    me.pend_throw(None)
    yield
me = self_pend()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)
