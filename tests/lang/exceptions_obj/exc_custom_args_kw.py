class E(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg, code)
        self.code = code
e = E("m", code=3)
print(e.args, e.code)
