# Deleting a list slice with a step other than 1 is refused (MicroPython's limit); the list is
# unchanged. Reading such a slice works.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
l = list(range(10))
def f():
    del l[::3]
t(f)
def f():
    del l[::-2]
t(f)
def f():
    del l[1:8:3]
t(f)
def f():
    del l[5:5:2]
t(f)
def f():
    del l[::-1]
t(f)
print(l, l[::3], l[::-2])
