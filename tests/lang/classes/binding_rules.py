# Which class attributes bind to instances: builtin functions and __new__ do not; an
# AttributeError raised in __getattr__ keeps its message; dir() asks __dir__.
class A:
    f = abs
    g = len
    def __new__(cls, *args):
        return super().__new__(cls)
    def m(self):
        return 'm'

a = A()
print(a.f(-3), A.f(-4), a.g([1, 2]), a.m())
print(type(a.__new__(A)).__name__, type(A.__new__(A)).__name__)

class G:
    def __getattr__(self, name):
        if name == 'v':
            raise ValueError('no v')
        raise AttributeError('custom message for ' + name)
g = G()
for name in ('v', 'w'):
    try:
        getattr(g, name)
    except (ValueError, AttributeError) as e:
        print(type(e).__name__, e)
print(getattr(g, 'w', 'default'), hasattr(g, 'w'))

class Dd:
    def __dir__(self):
        return ['z', 'a', 'm']
print(dir(Dd()), 'a' in dir(Dd))
