class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10
l = L([0, 1, 2])
print(l[1], list(l), [x for x in l])
