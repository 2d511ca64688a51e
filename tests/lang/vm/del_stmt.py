x = 1
del x
try:
    x
except NameError:
    print("NameError")
l = [0, 1, 2, 3, 4, 5]
del l[0]
del l[1:3]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class O:
    pass
o = O()
o.a = 1
del o.a
print(hasattr(o, 'a'))
a, b = 1, 2
del a, b
def f():
    y = 2
    del y
    try:
        print(y)
    except NameError:
        print("local NameError")
f()
