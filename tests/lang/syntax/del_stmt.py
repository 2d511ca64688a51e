a = 1
del a
try:
    a
except NameError:
    print("deleted")
l = [0, 1, 2, 3, 4]
del l[0]
print(l)
del l[1:3]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
x, y = 1, 2
del x, y
class O: pass
o = O()
o.z = 1
del o.z
print(hasattr(o, "z"))
p, q = 1, 2
del (p, q)
r, s = 1, 2
del [r, s]
print("ok")
