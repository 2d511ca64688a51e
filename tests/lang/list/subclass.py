class L(list):
    def first(self):
        return self[0]
l = L([3, 1, 2])
l.append(0)
l.sort()
print(l[0], l.first(), len(l), type(l).__name__, isinstance(l, list))
print(list(l), l == [0, 1, 2, 3])
class M(list):
    def append(self, x):
        list.append(self, x * 2)
m = M()
m.append(5)
m.extend([1])
print(m)
