x = 2**70 + 12345
print('%d' % x, '%x' % x, '%o' % x, '%X' % -x)
print('{}'.format(-x), '{:x}'.format(x), '{:b}'.format(2**65), '{:>30}'.format(x))
print('{:020d}'.format(-12345), '{:+d}'.format(2**64), '%5d|%-5d|' % (42, -7))
print(f'{x}', f'{x:#x}', f'{-x:o}')
