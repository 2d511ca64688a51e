class S(set):
    def total(self):
        return sum(self)
s = S([1, 2, 3])
s.add(4)
print(sorted(s), s.total(), len(s), 3 in s)
