# array refusals (MicroPython's limits): a slice with a step other than 1 (load, store), a slice
# store from a non-buffer or from a buffer with another item size, deleting a slice, and looking for
# an int with `in`; the array is unchanged. A step-1 slice store from an array of the same item
# size works, whatever the length.
from array import array
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = array('b', [1, 2, 3, 4, 5])
t(lambda: a[::2])
t(lambda: a[::-1])
t(lambda: a[4:0:-2])
t(lambda: 1 in a)
t(lambda: 9 in a)
def f():
    a[::2] = array('b', [0, 0, 0])
t(f)
def f():
    a[0:2] = [7, 8]
t(f)
def f():
    a[0:2] = array('h', [7, 8])
t(f)
def f():
    del a[0:2]
t(f)
def f():
    del a[0]
t(f)
print(a)
def f():
    a[0:2] = array('B', [7])
t(f)
def f():
    a[3:] = b'\x09\x0a\x0b'
t(f)
print(a)
h = array('h', [1, 2])
def f():
    h[0:1] = b'\x05\x00'
t(f)
def f():
    h[0:1] = array('H', [3, 4])
t(f)
print(h)
