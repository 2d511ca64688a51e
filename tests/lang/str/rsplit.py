# rsplit with a separator, or on whitespace with no limit; rsplit(None, n) with n >= 0 is
# NotImplementedError, as in MicroPython: see rsplit_micropython.py.
print('a b  c'.rsplit())
print('  a b  c  '.rsplit(None), '  a b  c  '.rsplit(None, -1), 'a b'.rsplit(maxsplit=-1))
print('a,b,,c'.rsplit(','))
print('a,b,,c'.rsplit(',', 1))
print('a,b,,c'.rsplit(',', 2))
print('a b c d'.rsplit(' ', 2), 'a b c d'.rsplit(' ', maxsplit=0), 'a b c d'.rsplit(sep=' ', maxsplit=1))
print('a::b::c'.rsplit('::', 1))
print(''.rsplit(), ''.rsplit('x'), ''.rsplit('x', 1))
