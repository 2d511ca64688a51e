class T:
    def __bool__(self):
        return False
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Plain:
    pass
print(bool(T()), bool(L(0)), bool(L(3)), bool(Plain()))
print(len(L(7)))
if not T():
    print("T is falsy")
if L(1):
    print("L(1) is truthy")
print(not L(0), not Plain())
