class Base:
    def __init__(self, *args, **kw):
        self.args = args
class Mid(Base):
    def __init__(self, a, b=2):
        super().__init__(a, b)
class Leaf(Mid):
    def __init__(self):
        super().__init__(1)
print(Leaf().args)
class E(Exception):
    def __init__(self, msg):
        super().__init__(msg)
print(E("m").args)
