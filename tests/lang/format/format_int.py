for v in [0, 7, -7, 255, 1234567, -1234567, 2**64, -2**64]:
    print(format(v), format(v, 'd'), format(v, '10'), format(v, '<10'), format(v, '^10'), format(v, '=+10'))
    print(format(v, 'b'), format(v, '#b'), format(v, 'o'), format(v, '#o'), format(v, 'x'), format(v, '#X'))
    print(format(v, ','), format(v, '_'), format(v, '_x'), format(v, '015,'), format(v, '#012x'), format(v, ' '))
