# MicroPython: .value and .errno are aliases of args[0] on every exception (None without args).
for e in [Exception(), ValueError(5), OSError(2, 'msg'), StopIteration(7), KeyError('k', 'j'),
          TypeError('t'), SystemExit(3)]:
    print(type(e).__name__, e.value, e.errno)
class MyErr(Exception):
    pass
m = MyErr('mine', 2)
print(m.value, m.errno, m.args)
try:
    (lambda: 0)(0)
except TypeError as er:
    print(len(er.value), er.value)
def named(a, b=1):
    pass
for args in [(), (1, 2, 3)]:
    try:
        named(*args)
    except TypeError as er:
        print(er.value)
