# Fields that reach into an argument ('{0.x}', '{p.y[1]}', '{a[0]}') aren't supported by
# str.format (MicroPython's limit: NotImplementedError); the same fields in an f-string work.
class P:
    def __init__(self):
        self.x = 3
        self.y = [10, 20]
p = P()
a = 'xy'
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: '{0.x} {0.y[1]} {p.x}'.format(p, p=p))
t(lambda: '{0.x}'.format(p))
t(lambda: '{p.y[1]}'.format(p=p))
t(lambda: '{a[0]}{a[1]}'.format(a=a))
t(lambda: '{0[1]!r:>5}'.format(a))
t(lambda: f'{p.x} {p.y[1]} {a[0]}{a[1]} {a[1]!r:>5}')
