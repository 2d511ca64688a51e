# int has no bit_length() or bit_count(): MicroPython's int (and the WiPy's) has only from_bytes and
# to_bytes, so both are AttributeErrors here, on small ints, big ints, bools and the type itself.
for name in ('bit_length', 'bit_count'):
    for x in (0, 1, -1, 2**62 - 1, 2**62, 2**64, -(2**1000), True):
        try:
            getattr(x, name)()
            print('has', name, x)
        except AttributeError as e:
            print(e)
    try:
        getattr(int, name)
        print('int has', name)
    except AttributeError as e:
        print(e)
    print(hasattr(int, name), hasattr(7, name), hasattr(2**70, name))
try:
    (5).bit_length()
except AttributeError as e:
    print(type(e).__name__, e)
print([n for n in dir(int) if not n.startswith('_')])
# the portable spellings give what the methods would
for x in (0, 1, -1, 2, 3, 255, 256, -256, 2**62 - 1, -(2**62), 2**64 - 1, 2**64, 2**1000, -(2**1000 - 1), 3**100):
    print(len(bin(x).lstrip('-0b')), bin(x).count('1'), end=' ')
print()
help(int)  # what MicroPython's basics/builtin_help.py sees
help(5)
