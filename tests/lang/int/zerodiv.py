for a in (1, 0, -5, 2**100, -(2**70)):
    for op in ('//', '%', 'divmod'):
        try:
            if op == '//':
                a // 0
            elif op == '%':
                a % 0
            else:
                divmod(a, 0)
            print('no error')
        except ZeroDivisionError:
            print('ZeroDivisionError', op)
try:
    pow(3, 4, 0)
except ValueError:
    print('ValueError')
