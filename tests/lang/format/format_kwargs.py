print('{a}-{b}-{a}'.format(a=1, b=2))
print('{0}{name}{1}'.format('<', '>', name='N'))
print('{:>{width}}|'.format('r', width=4))
row = '{:<6}{:>6}'
print(row.format('id', 'val'))
for i in range(3):
    print(row.format(i, i * i))
print('{0.real}'.format(5) if hasattr(5, 'real') else '5')
