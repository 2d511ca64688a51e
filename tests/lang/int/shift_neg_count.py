for x in (1, 2**100, -3):
    for n in (-1, -(2**70)):
        try:
            print(x << n)
        except ValueError as e:
            print('ValueError', e)
        try:
            print(x >> n)
        except ValueError as e:
            print('ValueError', e)
