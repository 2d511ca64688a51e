class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()))
for v in Seq():
    print(v)
print(9 in Seq(), 5 in Seq())
