n = 2**100 + 12345
print('%d' % n, '%x' % n, '%o' % n)
print(format(n, 'b'))
print(format(-n, '#x'), format(n, ','), format(n, '_b')[:30])
print('{:>40}'.format(n))
print(str(n), repr(-n))
