print('a\tb', 'a\\tb', r'a\tb')
print('\x41\u00e9')
print(len('\u2603'), len('\U0001F600'))
print('\101\102')
