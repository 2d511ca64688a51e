import sys
try:
    raise ValueError("bad", 1)
except ValueError as e:
    sys.print_exception(e)
class W:
    def __init__(self): self.s = ""
    def write(self, s): self.s += s
w = W()
try:
    1 // 0
except ZeroDivisionError as e:
    sys.print_exception(e, w)
print(w.s.splitlines()[-1])
