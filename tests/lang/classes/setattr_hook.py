class S:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)
s = S()
s.a = 1
s.b = 2
print(s.a, s.b, s.log)
class D:
    def __delattr__(self, name):
        print("del", name)
d = D()
del d.x
