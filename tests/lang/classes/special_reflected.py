class R:
    def __radd__(self, o):
        return ("radd", o)
    def __rsub__(self, o):
        return ("rsub", o)
    def __rmul__(self, o):
        return ("rmul", o)
    def __rfloordiv__(self, o):
        return ("rfloordiv", o)
    def __ror__(self, o):
        return ("ror", o)
r = R()
print(1 + r, 2 - r, 3 * r, 4 // r, 5 | r)
print("s" + r, [1] + r)
