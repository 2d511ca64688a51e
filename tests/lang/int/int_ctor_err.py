bad = ['', ' ', 'abc', '12a', '1__0', '_1', '1_', '0x', '0b2', '--1', '+-1', '1 2', '0x1g']
for s in bad:
    try:
        print(int(s))
    except ValueError:
        print('ValueError', repr(s))
for s, b in [('12', 2), ('9', 8), ('0x10', 10), ('010', 0), ('g', 16)]:
    try:
        print(int(s, b))
    except ValueError:
        print('ValueError', s, b)
for b in (1, 37, -1):
    try:
        int('1', b)
    except ValueError:
        print('ValueError base', b)
try:
    int(12, 10)
except TypeError:
    print('TypeError')
