# bytearray slices with a step other than 1 (load, store, delete), and slice stores from values
# that aren't buffers of bytes, are refused (MicroPython's limits); the bytearray is unchanged.
import array
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = bytearray(b'0123456789')
t(lambda: a[::2])
t(lambda: a[::-1])
t(lambda: a[8:2:-2])
t(lambda: a[1:1:3])
def f():
    a[::2] = b'.....'
t(f)
def f():
    a[::2] = b'x'
t(f)
def f():
    a[::-1] = a
t(f)
def f():
    del a[::2]
t(f)
def f():
    del a[5:1:-1]
t(f)
def f():
    a[10:] = [100, 101]
t(f)
def f():
    a[0:1] = (65,)
t(f)
def f():
    a[0:1] = 'x'
t(f)
def f():
    a[0:1] = range(3)
t(f)
def f():
    a[0:1] = 5
t(f)
def f():
    a[0:1] = array.array('h', [1])
t(f)
print(a)
def f():
    a[0:1] = array.array('b', [65, 66])
t(f)
print(a)
