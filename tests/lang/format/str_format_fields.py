class P:
    def __init__(self):
        self.x = 3
        self.y = [10, 20]
p = P()
print(f'{p.x} {p.y[1]} {p.y[-1]:>4}|', '{0} {1}'.format(p.x, p.y[1]))
a = 'xy'
print(f'{a[0]}{a[1]}')
print('{0!r:>6}|{0!s:<6}|'.format('s'))
print('{:{w}}|{:{w}.{p}}|'.format(5, 'abcdef', w=6, p=2))
print('{0:{1}}|'.format('z', 4))
print('{:>{}}|'.format('q', 3))
print('{} and {}'.format(*'ab'), '{k}'.format(**{'k': 'v'}))
print('{0}{1}{0}'.format('<', '>'))
print('x{{y}}z'.format(), '{{{0}}}'.format(1))
