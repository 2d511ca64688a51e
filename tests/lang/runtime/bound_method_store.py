class C:
    def __init__(self):
        self.cb = self.handler
    def handler(self, x):
        return x * 2
c = C()
print(c.cb(4))
c.other = len
print(c.other([1, 2, 3]))
