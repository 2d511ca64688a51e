class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == 'short':
            return '$%d' % self.v
        return 'Money(%d)%s' % (self.v, spec)
    def __str__(self):
        return 'M%d' % self.v
m = Money(5)
print(format(m, 'short'), format(m), '{:short}'.format(m), '{}'.format(m), f'{m:short}', f'{m!s}')
print('{:>6}|'.format(Money(7)))
class Plain:
    def __str__(self):
        return 'plain'
print('{}'.format(Plain()), format(Plain()), f'{Plain()}')
