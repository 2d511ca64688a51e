# str.format with automatic, numbered and named fields; a field with an index or an attribute
# ("{0[1]}", "{0.real}") is NotImplementedError, as in MicroPython: see format_method_basic_micropython.py.
print('{} {}'.format(1, 2))
print('{0} {1} {0}'.format('a', 'b'))
print('{x} {y}'.format(x=1, y='two'))
print('{{}} {{{}}}'.format(5))
print('{!r} {!s}'.format('q', 'q'))
l = ['a', 'b']
d = {'k': 'v'}
print('{} {}'.format(l[1], l[0]), '{k}'.format(**d), f'{l[1]} {d["k"]}')
