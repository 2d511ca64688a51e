print(format(None), format([1, 2]), format((1,), ''), format('x', ''))
print(format(12345, '>12,'), format(-0, 'd'), format(-1, 'x'), format(-255, '#x'))
class C:
    def __str__(self):
        return 'C!'
print(format(C()), '{}'.format(C()), '%s' % C())
