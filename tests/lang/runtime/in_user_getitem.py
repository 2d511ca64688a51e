class S:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(10 in S(), 30 in S(), list(S()))
