print(repr('ab'.center(6)), repr('ab'.center(7)), repr('abc'.center(6)), repr('abc'.center(2)))
print(repr('ab'.ljust(5)), repr('ab'.rjust(5)), repr('ab'.ljust(5, '*')), repr('ab'.rjust(5, '-')))
print(repr('ab'.center(9, '.')), repr('é'.center(5, 'ü')), repr('a'.center(4)))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(2), ''.zfill(3), '-'.zfill(3))
