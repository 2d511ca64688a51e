x: int = 5
print(x)
y: list
z: "anything" = [1]
print(z)
class C:
    a: int = 1
    b: str
print(C.a)
class O: pass
o = O()
o.v: int = 3
print(o.v)
d = {}
d["k"]: int = 4
print(d)
def f():
    q: int = 9
    return q
print(f())
