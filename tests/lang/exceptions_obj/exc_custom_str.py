class E(Exception):
    def __str__(self):
        return "custom message"
try:
    raise E(1)
except E as e:
    print(str(e), e.args)
class R(Exception):
    def __init__(self, v):
        super().__init__()
        self.v = v
    def __str__(self):
        return "R=%d" % self.v
print(str(R(5)), R(5).args)
