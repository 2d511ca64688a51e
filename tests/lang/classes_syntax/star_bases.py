class A:
    x = 1
class B:
    y = 2
bases = (A, B)
class G(*bases):
    pass
print(G.x, G.y, [c.__name__ for c in G.__bases__])
kw = {}
class H(A, **kw):
    pass
print(H.x)
