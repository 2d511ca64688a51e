# MicroPython formats other objects as str(obj) with a string spec (CPython raises TypeError).
print(format(None, '>6') + '|', '{:^7}|'.format([1]), f'{(1, 2)!s:<8}|')
for spec in ['d', '+', '=5', ',']:
    try:
        format(None, spec)
    except TypeError as e:
        print('TypeError', e)
