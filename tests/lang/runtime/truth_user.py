class Z:
    def __len__(self):
        return 0
class N:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Z()), bool(N()), not Z(), [x for x in (Z(), N(), 0, 1) if x].__len__())
print(Z() or "default", N() and "both")
