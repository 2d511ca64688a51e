# Objects without a __format__ of their own take only an empty spec (str(obj)); any other spec is a
# TypeError, in CPython and MicroPython alike. !s and !r convert to str first, so a spec then applies.
for v in [None, [1], (1, 2), {1: 2}, range(2), int]:
    print(repr(format(v)), repr(format(v, '')), repr('{}|{:}'.format(v, v)))
    for spec in ['>6', '^7', 's', 'd', '+', '=5', ',', 'x']:
        try:
            format(v, spec)
            print('no error', spec)
        except TypeError:
            print('TypeError', spec)
print('{!s:>6}|{!r:^8}|'.format(None, 'ab'), f'{(1, 2)!s:<8}|')
class F:
    def __format__(self, spec):
        return '<' + spec + '>'
print(format(F(), 'xyz'), '{:>9}'.format(F()), f'{F():q}')
