class G:
    a = 1
    def __getattr__(self, n):
        return n.upper()
g = G()
g.b = 2
print(g.a, g.b, g.zz)
class H(G):
    pass
print(H().qq, H().a)
