# A list store through a slice with a step other than 1 is refused (MicroPython's limit), whatever
# the length of the value; the list is unchanged. Reading such a slice works.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
l = list(range(10))
def f():
    l[::2] = 'x' * len(l[::2])
t(f)
def f():
    l[::2] = [1, 2]
t(f)
def f():
    l[::-1] = l
t(f)
def f():
    l[8:2:-3] = ['a', 'b']
t(f)
def f():
    l[3:3:2] = []
t(f)
print(l, l[::2], l[8:2:-3])
