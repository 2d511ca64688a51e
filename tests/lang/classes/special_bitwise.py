class B:
    def __init__(self, v):
        self.v = v
    def __and__(self, o):
        return B(self.v & o.v)
    def __or__(self, o):
        return B(self.v | o.v)
    def __xor__(self, o):
        return B(self.v ^ o.v)
    def __lshift__(self, n):
        return B(self.v << n)
    def __rshift__(self, n):
        return B(self.v >> n)
    def __invert__(self):
        return B(~self.v)
a = B(12)
b = B(10)
print((a & b).v, (a | b).v, (a ^ b).v, (a << 2).v, (a >> 2).v, (~a).v)
