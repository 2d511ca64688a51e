# A list store through a slice with a step other than 1 is refused (MicroPython's limit), whatever
# the value is, before the value is iterated; the list is unchanged.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Noisy:
    def __iter__(self):
        print('iterated')
        return iter([1, 2])
l = [0, 1, 2, 3, 4]
def f():
    l[::3] = iter(['a', 'b'])
t(f)
def f():
    l[::2] = (x for x in 'abc')
t(f)
def f():
    l[4:0:-2] = [7, 8]
t(f)
def f():
    l[::3] = Noisy()
t(f)
print(l)
