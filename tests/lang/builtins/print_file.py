import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(None, file=None)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("a", 1, [2], file=w)
print("b", end="", file=w)
print(w.parts)
