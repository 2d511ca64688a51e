# generator.throw() with a class, an instance, (class, instance), a non-exception, also when the
# generator delegates with yield from to a generator or to an object with its own throw().
def gen():
    try:
        yield 1
    except Exception as e:
        print('caught', repr(e))
        yield 2

for args in [(ValueError,), (ValueError('v'),), (ValueError, ValueError(5)), (KeyError(), None)]:
    g = gen()
    next(g)
    print(g.throw(*args))

g = gen()
next(g)
print(g.throw(123))  # raised in the generator as TypeError

class Thrower:
    def __iter__(self):
        return self
    def __next__(self):
        return 'n'
    def throw(self, x):
        print('Thrower.throw got', x)
        return 'thrown'

def deleg(it):
    yield from it

g = deleg(Thrower())
print(next(g), g.throw(123), g.throw(ZeroDivisionError))
g = deleg(gen())
next(g)
print(g.throw(IndexError))
g = deleg(iter([1, 2]))
next(g)
try:
    g.throw(IndexError)
except IndexError:
    print('IndexError out')

def swallow():
    try:
        yield 1
    except GeneratorExit:
        print('inner GeneratorExit')

def outer():
    try:
        yield from swallow()
    except GeneratorExit:
        print('outer GeneratorExit')
    yield 9

g = outer()
next(g)
print(g.throw(GeneratorExit))
